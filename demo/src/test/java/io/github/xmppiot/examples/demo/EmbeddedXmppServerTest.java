package io.github.xmppiot.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.SimpleIQ;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedXmppServerTest {

    private static EmbeddedXmppServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedXmppServer.start(EmbeddedXmppServer.DEFAULT_DOMAIN);
        server.addAccount("alice", "pw-alice");
        server.addAccount("bob", "pw-bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An IQ of a namespace Vysper does not know; it must reach bob, not be answered by the server. */
    static final class Probe extends SimpleIQ {
        Probe() {
            super("probe", "urn:example:probe");
        }
    }

    @Test
    void connectsOverStartTlsWithPlainAndRelaysIqsBetweenUsers() throws Exception {
        XMPPTCPConnection alice = server.connect("alice");
        XMPPTCPConnection bob = server.connect("bob");
        assertThat(alice.isSecureConnection()).isTrue();
        bob.registerIQRequestHandler(
                new AbstractIqRequestHandler("probe", "urn:example:probe", IQ.Type.get, IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        return IQ.createResultIQ(request);
                    }
                });
        Probe probe = new Probe();
        probe.setType(IQ.Type.get);
        probe.setTo(bob.getUser());
        IQ answer = alice.sendIqRequestAsync(probe).getOrThrow();
        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat((Object) answer.getFrom()).isEqualTo(bob.getUser());
    }

    @Test
    void connectsRepeatedly() throws Exception {
        for (int i = 0; i < 10; i++) {
            XMPPTCPConnection c =
                    server.connect(server.configFor("alice").resource("r" + i).build());
            assertThat(c.isAuthenticated()).isTrue();
            c.instantShutdown();
        }
    }

    @Test
    void rejectsAWrongPassword() {
        assertThatThrownBy(() -> server.connect(
                        server.configFor("alice").password("wrong").build()))
                .isInstanceOf(SASLErrorException.class);
    }

    @Test
    void certificateNamesTheDomainAndLoopback() throws Exception {
        assertThat(server.certificate().getSubjectAlternativeNames())
                .contains(List.of(2, EmbeddedXmppServer.DEFAULT_DOMAIN), List.of(7, "127.0.0.1"));
        server.certificate().checkValidity();
    }

    @Test
    void refusesDuplicateAccounts() {
        assertThatThrownBy(() -> server.addAccount("alice", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
