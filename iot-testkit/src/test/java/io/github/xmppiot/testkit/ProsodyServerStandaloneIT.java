package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ProsodyServer} used without the JUnit extension, as benchmarks and examples do. */
class ProsodyServerStandaloneIT {

    @BeforeEach
    void honourTheSkipSwitch() {
        assumeFalse(Boolean.getBoolean(ProsodyExtension.SKIP_PROPERTY), "xmpp.it.skip=true");
    }

    @Test
    void startConnectCloseRemovesEverything() throws Exception {
        Path dir;
        XMPPTCPConnection alice;
        try (ProsodyServer server =
                ProsodyServer.start(ProsodyOptions.builder().logLevel("info").build())) {
            dir = server.directory();
            assertThat(server.isRunning()).isTrue();
            assertThat(Files.readString(dir.resolve("prosody.cfg.lua"))).contains("nagle = false");
            alice = server.connect("alice");
            XMPPTCPConnection bob = server.connect("bob");
            assertThat(PingManager.getInstanceFor(alice).ping(bob.getUser())).isTrue();
            assertThat(server.log()).contains("Activated service 'c2s'");
        }
        assertThat(alice.isConnected()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void twoServersRunSideBySide() {
        try (ProsodyServer a = ProsodyServer.start();
                ProsodyServer b = ProsodyServer.start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.directory()).isNotEqualTo(b.directory());
            assertThat(a.isRunning()).isTrue();
            assertThat(b.isRunning()).isTrue();
        }
    }
}
