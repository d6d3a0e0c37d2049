package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    @Test
    void bme280DeclaresBusAndAddressWithDefaults() {
        ParameterSpec bus = Bme280.INFO.parameter("bus").orElseThrow();
        ParameterSpec address = Bme280.INFO.parameter("address").orElseThrow();

        assertThat(bus.type()).isEqualTo(ParameterSpec.Type.INT);
        assertThat(bus.defaultValue()).contains(1);
        assertThat(bus.min()).hasValue(0);
        assertThat(bus.max()).hasValue(10);
        assertThat(address.choices()).containsExactly(0x76, 0x77);
        assertThat(address.defaultValue()).contains(0x76);
    }

    @Test
    void parsesDecimalHexAndBooleansAndRejectsOthers() {
        ParameterSpec address = Bme280.INFO.parameter("address").orElseThrow();
        assertThat(address.parse("0x77")).isEqualTo(0x77);
        assertThat(address.parse("118")).isEqualTo(0x76);
        assertThatThrownBy(() -> address.parse("0x78")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> address.parse("seven")).isInstanceOf(IllegalArgumentException.class);

        ParameterSpec activeLow =
                SwitchedOutput.Preset.RELAY.info().parameter("activeLow").orElseThrow();
        assertThat(activeLow.parse("1")).isEqualTo(true);
        assertThat(activeLow.parse("false")).isEqualTo(false);
        assertThatThrownBy(() -> activeLow.parse("yes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolveAppliesDefaultsAndRejectsMissingOrUnknownParameters() {
        assertThat(SwitchedOutput.Config.from(SwitchedOutput.Preset.RELAY, Map.of("pin", "17")))
                .isEqualTo(new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, 17, false));
        assertThat(Bme280.Config.from(Map.of("address", "0x77"))).isEqualTo(new Bme280.Config(1, 0x77));
        assertThat(BinarySensor.Config.from(BinarySensor.Preset.BUTTON, Map.of("pin", "5")))
                .isEqualTo(BinarySensor.Config.of(BinarySensor.Preset.BUTTON, 5));
        assertThat(Ds18b20.Config.from(Map.of("device", "28-0316a2792aff"))
                        .device()
                        .family())
                .isEqualTo(0x28);

        assertThatThrownBy(() -> SwitchedOutput.Config.from(SwitchedOutput.Preset.RELAY, Map.of()))
                .hasMessageContaining("pin is required");
        assertThatThrownBy(() ->
                        SwitchedOutput.Config.from(SwitchedOutput.Preset.RELAY, Map.of("pin", "1", "colour", "red")))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> Ds18b20.Config.from(Map.of("device", "10-0316a2792aff")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bme280.Config(1, 0x40)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCatalogListsEveryDriverOnce() {
        assertThat(DriverCatalog.all())
                .extracting(DriverInfo::type)
                .containsExactly("bme280", "bh1750", "ds18b20", "pir", "button", "relay", "led", "dimmable-led");
        assertThat(DriverCatalog.find("pir")).contains(BinarySensor.Preset.MOTION.info());
        assertThat(DriverCatalog.find("nosuch")).isEmpty();
        assertThat(BinarySensor.Preset.MOTION
                        .info()
                        .parameter("activeLow")
                        .orElseThrow()
                        .defaultValue())
                .contains(false);
    }
}
