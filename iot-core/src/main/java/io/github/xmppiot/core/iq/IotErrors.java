package io.github.xmppiot.core.iq;

import io.github.xmppiot.core.internal.Failures;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;

/**
 * Factories for the errors the IoT XEPs recommend, with the types they recommend (XEP-0323 §3.5 "Rejecting read-outs",
 * XEP-0325 §3.6 "XMPP Errors", XEP-0347 §3.5/§3.9).
 *
 * @since 0.1.0
 */
public final class IotErrors {

    private IotErrors() {}

    /**
     * {@code cancel/forbidden}: the requester lacks the privileges.
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException forbidden(String text) {
        return new IotErrorException(Condition.forbidden, Type.CANCEL, text, List.of());
    }

    /**
     * {@code cancel/item-not-found}: node, parameter, data source or record not found.
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException itemNotFound(String text) {
        return new IotErrorException(Condition.item_not_found, Type.CANCEL, text, List.of());
    }

    /**
     * {@code modify/bad-request}: the request is malformed or a value is out of range.
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException badRequest(String text) {
        return new IotErrorException(Condition.bad_request, Type.MODIFY, text, List.of());
    }

    /**
     * {@code modify/bad-request} with application-specific children, for example one XEP-0325 {@code paramError} per
     * bad parameter.
     *
     * @param text       explanation, may be null
     * @param extensions children of the error element
     * @return the error
     */
    public static IotErrorException badRequest(String text, List<? extends ExtensionElement> extensions) {
        return new IotErrorException(Condition.bad_request, Type.MODIFY, text, extensions);
    }

    /**
     * {@code cancel/feature-not-implemented}.
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException featureNotImplemented(String text) {
        return new IotErrorException(Condition.feature_not_implemented, Type.CANCEL, text, List.of());
    }

    /**
     * {@code wait/conflict}: locked by another user or process; retry later (XEP-0325 §3.6).
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException conflict(String text) {
        return new IotErrorException(Condition.conflict, Type.WAIT, text, List.of());
    }

    /**
     * {@code cancel/not-allowed} (XEP-0347 disown when the thing is not reachable).
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException notAllowed(String text) {
        return new IotErrorException(Condition.not_allowed, Type.CANCEL, text, List.of());
    }

    /**
     * {@code wait/internal-server-error}: the device failed unexpectedly.
     *
     * @param text explanation, may be null
     * @return the error
     */
    public static IotErrorException internalError(String text) {
        return new IotErrorException(Condition.internal_server_error, Type.WAIT, text, List.of());
    }

    /**
     * {@code wait/resource-constraint} (RFC 6120 §8.3.3.18): a documented limit on concurrent or stored work for this
     * requester or in total is reached; the requester may retry later.
     *
     * @param text explanation naming the limit, may be null
     * @return the error
     */
    public static IotErrorException resourceConstraint(String text) {
        return new IotErrorException(Condition.resource_constraint, Type.WAIT, text, List.of());
    }
    /**
     * {@code wait/resource-constraint} for a task a bounded executor refused (RFC 6120 §8.3.3.18): the answer
     * {@link IotIqRequestHandler} gives to a request whose handling failed with a {@link RejectedExecutionException}.
     *
     * @param refused the refusal; its message, if any, is quoted in the text
     * @return the error
     */
    public static IotErrorException busy(RejectedExecutionException refused) {
        String reason = refused == null ? null : refused.getMessage();
        return resourceConstraint("too busy to handle the request"
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + "; try again shortly");
    }

    /**
     * The XMPP error a failure stands for, inside any {@link java.util.concurrent.CompletionException} or
     * {@link java.util.concurrent.ExecutionException} wrappers: an {@link IotErrorException} as it is, a refused task
     * as {@link #busy}, anything else as {@code wait/internal-server-error} with its message.
     *
     * @param failure a failure as a stage reports it
     * @return the error
     */
    public static IotErrorException of(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof IotErrorException e) {
            return e;
        }
        if (t instanceof RejectedExecutionException refused) {
            return busy(refused);
        }
        return internalError(String.valueOf(t.getMessage()));
    }
}
