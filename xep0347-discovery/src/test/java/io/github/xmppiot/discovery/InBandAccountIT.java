package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/** In-band registration (XEP-0077, XEP-0347 §3.4) on the test kit's Prosody, which allows it, over STARTTLS. */
@ProsodyTest
class InBandAccountIT {

    @Test
    void aThingWithoutAccountRegistersOneAndLogsInWithIt(ProsodyServer server) throws Exception {
        XMPPTCPConnection anonymous =
                new XMPPTCPConnection(server.configBuilder("ibr-base").build());
        InBandAccount.Credentials created;
        try {
            anonymous.connect();
            assertThat(anonymous.isSecureConnection()).isTrue();
            created = InBandAccount.register(anonymous, "thing-", false, Runnable::run)
                    .get(20, TimeUnit.SECONDS);
        } finally {
            anonymous.disconnect();
        }
        assertThat(created.jid().getLocalpart().toString()).startsWith("thing-").hasSize(6 + 16);
        assertThat(created.jid().getDomain().toString()).isEqualTo(server.domain());
        assertThat(created.password()).hasSizeGreaterThanOrEqualTo(40);

        XMPPTCPConnection thing = new XMPPTCPConnection(server.configBuilder("ibr-base")
                .setUsernameAndPassword(created.jid().getLocalpart(), created.password())
                .build());
        try {
            thing.connect().login();
            assertThat(thing.getUser().asBareJid().toString())
                    .isEqualTo(created.jid().toString());
        } finally {
            thing.disconnect();
        }
    }
}
