package io.github.xmppiot.core.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionalDependencyTest {

    @Test
    void presentClassPasses() {
        assertThatCode(() -> OptionalDependency.require(
                        "org.jivesoftware.smack.XMPPConnection", "org.igniterealtime.smack:smack-core", "a connection"))
                .doesNotThrowAnyException();
    }

    @Test
    void missingClassNamesTheArtifactToAdd() {
        assertThatThrownBy(() ->
                        OptionalDependency.require("org.example.absent.Driver", "org.example:absent", "AbsentStore"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("AbsentStore needs org.example:absent")
                .hasMessageContaining("add org.example:absent to your dependencies")
                .hasMessageContaining("xmpp-iot-bom");
    }
}
