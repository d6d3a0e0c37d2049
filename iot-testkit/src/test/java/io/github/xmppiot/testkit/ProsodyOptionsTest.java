package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults and validation of {@link ProsodyOptions}. */
class ProsodyOptionsTest {

    @Test
    void defaultsAreATlsServerForLocalhost() {
        ProsodyOptions o = ProsodyOptions.defaults();

        assertThat(o.tls()).isTrue();
        assertThat(o.domain()).isEqualTo("localhost");
        assertThat(o.logLevel()).isEqualTo("debug");
        assertThat(o.extraModules()).isEmpty();
        assertThat(o.startTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.prosodyBinary()).isEqualTo(System.getProperty(ProsodyOptions.PROSODY_BINARY_PROPERTY, "prosody"));
    }

    @Test
    void theBuilderSetsEveryOption() {
        ProsodyOptions o = ProsodyOptions.builder()
                .tls(false)
                .domain("iot.example-1.org")
                .prosodyBinary("/opt/prosody/bin/prosody")
                .logLevel("info")
                .extraModules("carbons", "mam_2")
                .startTimeout(Duration.ofMillis(1))
                .certificateCache(Path.of("/tmp/certs"))
                .build();

        assertThat(o.tls()).isFalse();
        assertThat(o.domain()).isEqualTo("iot.example-1.org");
        assertThat(o.prosodyBinary()).isEqualTo("/opt/prosody/bin/prosody");
        assertThat(o.logLevel()).isEqualTo("info");
        assertThat(o.extraModules()).containsExactly("carbons", "mam_2");
        assertThat(o.startTimeout()).isEqualTo(Duration.ofMillis(1));
        assertThat(o.certificateCache()).contains(Path.of("/tmp/certs"));
    }

    @Test
    void invalidValuesAreRefusedWithTheirName() {
        ProsodyOptions.Builder b = ProsodyOptions.builder();

        assertThatThrownBy(() -> b.domain("Example.org")).hasMessageContaining("Example.org");
        assertThatThrownBy(() -> b.domain("-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.logLevel("warn")).hasMessageContaining("warn");
        assertThatThrownBy(() -> b.extraModules("ok", "mod-x")).hasMessageContaining("mod-x");
        assertThatThrownBy(() -> b.startTimeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> b.startTimeout(Duration.ofSeconds(-1))).hasMessageContaining("positive");
        assertThatThrownBy(() -> b.prosodyBinary(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.certificateCache(null)).isInstanceOf(NullPointerException.class);
        // a single character is a domain
        assertThat(b.domain("a").build().domain()).isEqualTo("a");
    }

    @Test
    void builtOptionsDoNotChangeWithTheBuilder() {
        ProsodyOptions.Builder b = ProsodyOptions.builder().extraModules("carbons");
        ProsodyOptions first = b.build();
        b.extraModules("mam");

        assertThat(first.extraModules()).containsExactly("carbons");
        assertThatThrownBy(() -> first.extraModules().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
