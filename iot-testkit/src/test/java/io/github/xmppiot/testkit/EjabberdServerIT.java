package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;

/** The ejabberd of the test kit: TLS, SCRAM-SHA-1, stream management, pubsub, accounts on demand, no shaper. */
@EjabberdTest
class EjabberdServerIT {

    @Test
    void clientsConnectWithTlsScramSha1AndStreamManagement(EjabberdServer server) throws Exception {
        XMPPTCPConnection alice = server.connect("alice");
        assertThat(alice.isAuthenticated()).isTrue();
        assertThat(alice.isSecureConnection()).isTrue();
        assertThat(alice.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");
        assertThat(alice.isSmAvailable()).as("mod_stream_mgmt offers XEP-0198").isTrue();
        assertThat(alice.getUser().asEntityBareJidString()).isEqualTo("alice@" + server.domain());
        assertThat(ServiceDiscoveryManager.getInstanceFor(alice)
                        .discoverInfo(org.jxmpp.jid.impl.JidCreate.domainBareFrom(server.pubsubService()))
                        .getIdentities())
                .anySatisfy(i -> assertThat(i.getCategory()).isEqualTo("pubsub"));
        assertThat(server.log()).contains("ejabberd 23").contains("is started");
        assertThat(Files.isDirectory(server.directory())).isTrue();
    }

    @Test
    void noShaperThrottlesTheTestAccounts(EjabberdServer server) throws Exception {
        // Debian's default c2s_shaper "normal" allows 3000 B/s (burst 20000): these 240 KB would take over a minute
        XMPPTCPConnection sender = server.connect("sender");
        XMPPTCPConnection receiver = server.connect("receiver");
        int count = 120;
        CountDownLatch received = new CountDownLatch(count);
        receiver.addAsyncStanzaListener(s -> received.countDown(), s -> s instanceof Message m && m.getBody() != null);
        String body = "x".repeat(2000);
        for (int i = 0; i < count; i++) {
            sender.sendStanza(sender.getStanzaFactory()
                    .buildMessageStanza()
                    .to(receiver.getUser())
                    .setBody(body)
                    .build());
        }
        assertThat(received.await(30, TimeUnit.SECONDS))
                .as("all %d messages within 30 s", count)
                .isTrue();
    }

    @Test
    void aRestartKeepsTheAccountsAndThePort(EjabberdServer server) throws Exception {
        XMPPTCPConnection before = server.connect("survivor");
        CountDownLatch closed = new CountDownLatch(1);
        before.addConnectionListener(new org.jivesoftware.smack.ConnectionListener() {
            @Override
            public void connectionClosed() {
                closed.countDown();
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                closed.countDown();
            }
        });
        int port = server.port();
        server.restart();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.port()).isEqualTo(port);
        XMPPTCPConnection after = server.connect("survivor", "again"); // no new registration: the account persisted
        assertThat(after.isAuthenticated()).isTrue();
        assertThat(closed.await(30, TimeUnit.SECONDS))
                .as("the old stream is gone")
                .isTrue();
    }
}
