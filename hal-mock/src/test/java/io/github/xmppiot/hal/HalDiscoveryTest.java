package io.github.xmppiot.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.hal.mock.MockHalProvider;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HalDiscoveryTest {

    @Test
    void theMockBackendIsFoundThroughTheServiceLoader() throws HalException {
        assertThat(Hal.availableBackends()).contains("mock");
        assertThat(Hal.findProvider("mock")).get().isInstanceOf(MockHalProvider.class);

        Properties p = new Properties();
        p.setProperty("hal.backend", "mock");
        try (HalContext hal = Hal.open(HalConfig.fromProperties(p))) {
            assertThat(hal.backendId()).isEqualTo("mock");
            MockHal board = hal.unwrap(MockHal.class).orElseThrow();
            board.pin(3).drive(DigitalLevel.HIGH);
            assertThat(hal.digitalInput(DigitalInputConfig.of(3)).read()).isEqualTo(DigitalLevel.HIGH);
        }
    }

    @Test
    void anUnknownBackendNamesTheAvailableOnes() {
        HalConfig config = HalConfig.builder().backend("nosuch").build();
        assertThatThrownBy(() -> Hal.create(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuch")
                .hasMessageContaining("mock");
    }
}
