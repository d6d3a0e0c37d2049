package io.github.xmppiot.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.mock.MockClock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HalConfigTest {

    @Test
    void propertiesSelectTheBackendAndCarryPrefixedOptions() {
        Properties p = new Properties();
        p.setProperty("hal.backend", " pi4j ");
        p.setProperty("hal.pi4j.provider.i2c", "linuxfs-i2c ");
        p.setProperty("xmpp.host", "example.org");

        HalConfig config = HalConfig.fromProperties(p);

        assertThat(config.backend()).isEqualTo("pi4j");
        assertThat(config.options()).isEqualTo(Map.of("pi4j.provider.i2c", "linuxfs-i2c"));
        assertThat(config.option("pi4j.provider.i2c")).contains("linuxfs-i2c");
        assertThat(config.option("xmpp.host")).isEmpty();
        assertThat(config.clock()).isSameAs(HalClock.system());
    }

    @Test
    void aBackendIsRequired() {
        assertThatThrownBy(() -> HalConfig.fromProperties(new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hal.backend");
    }

    @Test
    void theBuilderSetsClockAndOptions() {
        MockClock clock = new MockClock();
        HalConfig config = HalConfig.builder()
                .backend("mock")
                .clock(clock)
                .option("a", "1")
                .build();
        assertThat(config.clock()).isSameAs(clock);
        assertThat(config.options()).containsEntry("a", "1");
        assertThatThrownBy(() -> config.options().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
