package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension's life cycle, observed by running fixture classes through the JUnit engine test kit. */
class ProsodyExtensionIT {

    @BeforeEach
    void honourTheSkipSwitch() {
        assumeFalse(Boolean.getBoolean(ProsodyExtension.SKIP_PROPERTY), "xmpp.it.skip=true");
    }

    @Test
    void failingTestPrintsTheProsodyLogAndTheServerIsCleanedUp() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EngineExecutionResults results;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(FailingFixture.class))
                    .configurationParameter(ProsodyExtension.SKIP_PROPERTY, "false")
                    .execute();
        } finally {
            System.setErr(originalErr);
        }
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("=== Prosody log during failed test")
                .contains("Client connected") // Prosody's own log line for the fixture's connection
                .contains("=== end of Prosody log ===");
        assertThat(FailingFixture.directory).isNotNull();
        assertThat(Files.exists(FailingFixture.directory)).isFalse();
        assertThat(FailingFixture.connection.isConnected()).isFalse();
    }

    @Test
    void nestedClassesShareTheEnclosingServer() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OuterFixture.class))
                .configurationParameter(ProsodyExtension.SKIP_PROPERTY, "false")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(OuterFixture.outerPort).isPositive().isEqualTo(OuterFixture.innerPort);
    }

    /** Fails on purpose; run only through the engine test kit above. */
    @ProsodyTest(logLevel = "debug")
    static class FailingFixture {
        static volatile Path directory;
        static volatile XMPPTCPConnection connection;

        @Test
        void failsAfterConnecting(ProsodyServer server) throws Exception {
            directory = server.directory();
            connection = server.connect("zoe");
            assertThat(connection.isAuthenticated())
                    .as("deliberate failure after a connection")
                    .isFalse();
        }
    }

    /** Run only through the engine test kit above. */
    @ProsodyTest(tls = false)
    static class OuterFixture {
        static volatile int outerPort;
        static volatile int innerPort;

        @Test
        void outer(ProsodyServer server) {
            outerPort = server.port();
            assertThat(server.isRunning()).isTrue();
        }

        @Nested
        class Inner {
            @Test
            void inner(ProsodyServer server) {
                innerPort = server.port();
                assertThat(server.isRunning()).isTrue();
            }
        }
    }
}
