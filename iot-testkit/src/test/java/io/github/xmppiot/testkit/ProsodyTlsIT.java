package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.connection.IotConnection;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@ProsodyTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProsodyTlsIT {

    private static XMPPTCPConnection fromFirstTest;

    @Test
    @Order(1)
    void twoAccountsExchangeAPingOverTls(ProsodyServer server) throws Exception {
        XMPPTCPConnection alice = server.connect("alice");
        XMPPTCPConnection bob = server.connect("bob", "res2");

        assertThat(alice.isAuthenticated()).isTrue();
        assertThat(alice.isSecureConnection()).isTrue();
        assertThat(alice.getUser().asEntityBareJidString()).isEqualTo("alice@" + server.domain());
        assertThat(alice.getUser().getResourceOrThrow().toString()).isEqualTo("test");
        assertThat(bob.getUser().getResourceOrThrow().toString()).isEqualTo("res2");
        assertThat(alice.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");

        // XEP-0199: alice's IQ get reaches bob's full JID through Prosody, bob's Smack answers with an IQ result
        assertThat(PingManager.getInstanceFor(alice).ping(bob.getUser())).isTrue();
        assertThat(PingManager.getInstanceFor(bob).ping(alice.getUser())).isTrue();
        fromFirstTest = alice;
    }

    @Test
    @Order(2)
    void connectionsOfAPreviousTestWereDisconnected() {
        assertThat(fromFirstTest).isNotNull();
        assertThat(fromFirstTest.isConnected()).isFalse();
    }

    @Test
    @Order(3)
    void accountsWithExplicitPasswordsAndCustomConnections(ProsodyServer server) throws Exception {
        server.createAccount("dave", "secret");
        assertThat(server.password("dave")).isEqualTo("secret");
        assertThatThrownBy(() -> server.createAccount("dave", "other")).hasMessageContaining("conflict");

        XMPPTCPConnection custom =
                new XMPPTCPConnection(server.configBuilder("dave").build());
        try {
            custom.connect().login();
            assertThat(custom.isAuthenticated()).isTrue();
        } finally {
            custom.disconnect();
        }

        XMPPTCPConnection sdk = IotConnection.connect(server.iotConfig("carol"));
        try {
            assertThat(sdk.getUser().asEntityBareJidString())
                    .isEqualTo(server.jid("carol").toString());
            assertThat(sdk.isSecureConnection()).isTrue();
        } finally {
            sdk.disconnect();
        }
    }

    @Test
    @Order(4)
    void wrongPasswordIsRefused(ProsodyServer server) throws Exception {
        server.ensureAccount("erin");
        XMPPTCPConnection c = new XMPPTCPConnection(server.configBuilder("erin")
                .setUsernameAndPassword("erin", "not-the-password")
                .build());
        try {
            c.connect();
            assertThatThrownBy(c::login).isInstanceOf(SASLErrorException.class);
        } finally {
            c.disconnect();
        }
    }

    @Test
    @Order(5)
    void accountsSurviveARestart(ProsodyServer server) throws Exception {
        server.createAccount("frank", "persistent");
        int port = server.port();
        server.restart();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.port()).isEqualTo(port);
        XMPPTCPConnection frank = server.connect("frank");
        assertThat(frank.isAuthenticated()).isTrue();
        assertThat(PingManager.getInstanceFor(frank).pingMyServer()).isTrue();
    }
}
