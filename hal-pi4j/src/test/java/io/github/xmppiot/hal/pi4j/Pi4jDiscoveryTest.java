package io.github.xmppiot.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import io.github.xmppiot.hal.Hal;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class Pi4jDiscoveryTest {

    @Test
    void thePi4jBackendIsFoundThroughTheServiceLoaderNextToTheMock() throws HalException {
        assertThat(Hal.availableBackends()).contains("pi4j", "mock");
        assertThat(Hal.findProvider("pi4j")).get().isInstanceOf(Pi4jHalProvider.class);

        Properties p = new Properties();
        p.setProperty("hal.backend", "pi4j");
        p.setProperty("hal.pi4j.provider.i2c", "mock-i2c");
        try (HalContext hal = Hal.open(HalConfig.fromProperties(p))) {
            assertThat(hal.backendId()).isEqualTo("pi4j");
            Context pi4j = hal.unwrap(Context.class).orElseThrow();
            assertThat(pi4j.providers().exists("mock-i2c")).isTrue();
            assertThat(hal.i2c(1, 0x76).isOpen()).isTrue();
            assertThat(pi4j.registry().exists(Pi4jBackend.ioId("i2c", 1, 0x76))).isTrue();
        }
    }

    @Test
    void anUnknownPi4jProviderIsReportedWithTheAvailableOnes() {
        HalConfig config = HalConfig.builder()
                .backend("pi4j")
                .option(Pi4jOptions.I2C_PROVIDER, "linuxfs-i2c")
                .build();
        assertThatThrownBy(() -> Hal.open(config)).isInstanceOfSatisfying(HalException.class, e -> {
            assertThat(e.kind()).isEqualTo(HalException.Kind.UNSUPPORTED);
            assertThat(e).hasMessageContaining("linuxfs-i2c").hasMessageContaining("mock-i2c");
        });
    }
}
