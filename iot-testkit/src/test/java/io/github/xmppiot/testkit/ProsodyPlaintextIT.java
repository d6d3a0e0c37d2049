package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

@ProsodyTest(tls = false)
class ProsodyPlaintextIT {

    @Test
    void twoAccountsExchangeAPingWithoutTls(ProsodyServer server) throws Exception {
        assertThat(server.tls()).isFalse();
        assertThat(server.certificate()).isEmpty();

        XMPPTCPConnection alice = server.connect("alice");
        XMPPTCPConnection bob = server.connect("bob");
        assertThat(alice.isSecureConnection()).isFalse();
        assertThat(alice.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");
        assertThat(PingManager.getInstanceFor(alice).ping(bob.getUser())).isTrue();
    }

    @Test
    void sdkConfigIsPlaintextToo(ProsodyServer server) throws Exception {
        IotConnectionConfig config = server.iotConfig("carol");
        assertThat(config.tls()).isFalse();
        XMPPTCPConnection carol = IotConnection.connect(config);
        try {
            assertThat(carol.isAuthenticated()).isTrue();
        } finally {
            carol.disconnect();
        }
    }
}
