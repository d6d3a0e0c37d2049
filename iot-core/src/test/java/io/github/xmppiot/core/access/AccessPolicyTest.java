package io.github.xmppiot.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The opt-out policy that allows every requester (tests and closed networks only). */
class AccessPolicyTest {

    private static final Jid WHO = JidCreate.fromOrThrowUnchecked("client@example.org/r");

    @Test
    void everyoneIsAllowedByTheOptOutPolicy() {
        AccessDecision d = AccessPolicy.allowEveryone()
                .decide(AccessRequest.read(WHO, null, List.of(), Set.of(), Set.of()))
                .toCompletableFuture()
                .join();
        assertThat(d).isEqualTo(AccessDecision.allowAll());
    }
}
