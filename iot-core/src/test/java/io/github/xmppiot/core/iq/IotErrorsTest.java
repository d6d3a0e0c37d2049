package io.github.xmppiot.core.iq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;
import org.junit.jupiter.api.Test;

/** The error conditions and types the XEPs prescribe (XEP-0323 §3.7, XEP-0325 §3.5, XEP-0324 §3.3). */
class IotErrorsTest {

    @Test
    void theFactoriesUseTheConditionsAndTypesTheXepsName() {
        check(IotErrors.forbidden("a"), Condition.forbidden, Type.CANCEL, "a");
        check(IotErrors.itemNotFound("b"), Condition.item_not_found, Type.CANCEL, "b");
        check(IotErrors.badRequest("c"), Condition.bad_request, Type.MODIFY, "c");
        check(IotErrors.featureNotImplemented("d"), Condition.feature_not_implemented, Type.CANCEL, "d");
        check(IotErrors.conflict("e"), Condition.conflict, Type.WAIT, "e");
        check(IotErrors.notAllowed("f"), Condition.not_allowed, Type.CANCEL, "f");
        check(IotErrors.internalError("g"), Condition.internal_server_error, Type.WAIT, "g");
        check(IotErrors.resourceConstraint("h"), Condition.resource_constraint, Type.WAIT, "h");
    }

    @Test
    void aRefusedTaskIsAResourceConstraintNamingTheRefusal() {
        check(
                IotErrors.busy(new RejectedExecutionException("the x work pool has 5 tasks waiting, its limit")),
                Condition.resource_constraint,
                Type.WAIT,
                "too busy to handle the request (the x work pool has 5 tasks waiting, its limit); try again shortly");
        check(
                IotErrors.busy(new RejectedExecutionException()),
                Condition.resource_constraint,
                Type.WAIT,
                "too busy to handle the request; try again shortly");
    }

    @Test
    void ofMapsAFailureThroughItsWrappersLikeTheRequestHandler() {
        IotErrorException forbidden = IotErrors.forbidden("no");
        assertThat(IotErrors.of(new CompletionException(forbidden))).isSameAs(forbidden);
        assertThat(IotErrors.of(new ExecutionException(new RejectedExecutionException("full")))
                        .condition())
                .isEqualTo(Condition.resource_constraint);
        check(
                IotErrors.of(new CompletionException(new IllegalStateException("bug"))),
                Condition.internal_server_error,
                Type.WAIT,
                "bug");
    }

    private static void check(IotErrorException e, Condition condition, Type type, String text) {
        assertThat(e.condition()).isEqualTo(condition);
        assertThat(e.type()).isEqualTo(type);
        assertThat(e).hasMessage(text);
        assertThat(e.extensions()).isEmpty();
    }
}
