package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.TestAbortedException;

/** What happens when the Prosody executable is missing; needs no Prosody. */
class MissingProsodyTest {

    private static final String MISSING = "/nonexistent/bin/prosody";

    @Test
    void startExplainsHowToInstallProsody() {
        ProsodyOptions options = ProsodyOptions.builder().prosodyBinary(MISSING).build();
        assertThatThrownBy(() -> ProsodyServer.start(options))
                .isInstanceOf(ProsodyNotInstalledException.class)
                .hasMessageContaining(MISSING)
                .hasMessageContaining("sudo apt-get install -y prosody")
                .hasMessageContaining("-Dxmpp.it.skip=true");
    }

    @Test
    void extensionFailsTheClassWithTheInstallMessage() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Fixture.class))
                .configurationParameter(ProsodyOptions.PROSODY_BINARY_PROPERTY, MISSING)
                .configurationParameter(ProsodyExtension.SKIP_PROPERTY, "false")
                .execute()
                .containerEvents();
        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(Fixture.class),
                                finishedWithFailure(
                                        instanceOf(ProsodyNotInstalledException.class),
                                        message(m -> m.contains("sudo apt-get install -y prosody")))));
        assertThat(Fixture.ran).isFalse();
    }

    @Test
    void skipPropertySkipsEveryTestInsteadOfFailing() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Fixture.class))
                .configurationParameter(ProsodyOptions.PROSODY_BINARY_PROPERTY, MISSING)
                .configurationParameter(ProsodyExtension.SKIP_PROPERTY, "true")
                .execute()
                .allEvents();
        tests.assertStatistics(s -> s.failed(0));
        tests.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("needsProsody"),
                                abortedWithReason(
                                        instanceOf(TestAbortedException.class),
                                        message(m -> m.contains("xmpp.it.skip=true")))));
        assertThat(Fixture.ran).isFalse();
    }

    /** Run only through the engine test kit above; its name keeps Surefire from selecting it. */
    @ProsodyTest
    static class Fixture {
        static volatile boolean ran;

        @Test
        void needsProsody(ProsodyServer server) {
            ran = true;
            assertThat(server).isNotNull();
        }
    }
}
