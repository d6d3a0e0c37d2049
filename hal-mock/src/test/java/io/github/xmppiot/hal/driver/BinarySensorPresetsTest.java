package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.PullResistance;
import io.github.xmppiot.hal.mock.MockHal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PIR and button presets: their declared parameters, configuration from text, pull resistors and polarity. */
class BinarySensorPresetsTest {

    private final MockHal mock = MockHal.create();

    @Test
    void presetsAreFoundByTheirTypeAndNameTheirField() {
        assertThat(BinarySensor.Preset.forType("pir")).contains(BinarySensor.Preset.MOTION);
        assertThat(BinarySensor.Preset.forType("button")).contains(BinarySensor.Preset.BUTTON);
        assertThat(BinarySensor.Preset.forType("relay")).isEmpty();
        assertThat(BinarySensor.Preset.MOTION.fieldName()).isEqualTo("Motion");
        assertThat(BinarySensor.Preset.BUTTON.fieldName()).isEqualTo("Pressed");
        DriverInfo button = BinarySensor.Preset.BUTTON.info();
        assertThat(button.type()).isEqualTo("button");
        assertThat(button.parameters())
                .extracting(ParameterSpec::name)
                .containsExactly("pin", "activeLow", "debounceMs");
        assertThat(button.parameter("activeLow").orElseThrow().defaultValue()).contains(true);
        assertThat(button.parameter("debounceMs").orElseThrow().defaultValue()).contains(20);
        assertThat(BinarySensor.Preset.MOTION
                        .info()
                        .parameter("activeLow")
                        .orElseThrow()
                        .defaultValue())
                .contains(false);
    }

    @Test
    void aConfigurationFromTextUsesTheDefaultsAndChecksTheRanges() {
        BinarySensor.Config c = BinarySensor.Config.from(BinarySensor.Preset.BUTTON, Map.of("pin", "17"));
        assertThat(c).isEqualTo(new BinarySensor.Config(BinarySensor.Preset.BUTTON, 17, true, 20));
        BinarySensor.Config m = BinarySensor.Config.from(
                BinarySensor.Preset.MOTION, Map.of("pin", "4", "activeLow", "1", "debounceMs", "0"));
        assertThat(m).isEqualTo(new BinarySensor.Config(BinarySensor.Preset.MOTION, 4, true, 0));
        assertThat(BinarySensor.Config.of(BinarySensor.Preset.MOTION, 4))
                .isEqualTo(new BinarySensor.Config(BinarySensor.Preset.MOTION, 4, false, 50));
        assertThatThrownBy(() -> new BinarySensor.Config(BinarySensor.Preset.MOTION, 54, false, 50))
                .hasMessage("pin: 54 is outside 0..53");
        assertThatThrownBy(() -> new BinarySensor.Config(BinarySensor.Preset.MOTION, 4, false, 1001))
                .hasMessage("debounceMs: 1001 is outside 0..1000");
    }

    @Test
    void anActiveLowSensorPullsUpAndAnActiveHighOnePullsDown() throws HalException {
        try (HalContext hal = mock.open();
                BinarySensor button = BinarySensor.open(hal, BinarySensor.Config.of(BinarySensor.Preset.BUTTON, 17));
                BinarySensor pir =
                        BinarySensor.open(hal, new BinarySensor.Config(BinarySensor.Preset.MOTION, 4, false, 0))) {
            assertThat(button.preset()).isEqualTo(BinarySensor.Preset.BUTTON);
            assertThat(pir.preset()).isEqualTo(BinarySensor.Preset.MOTION);
            assertThat(mock.pin(17).pull()).contains(PullResistance.PULL_UP);
            assertThat(mock.pin(4).pull()).contains(PullResistance.PULL_DOWN);

            List<Boolean> motion = new ArrayList<>();
            var subscription = pir.onChange(motion::add);
            mock.pin(4).drive(DigitalLevel.HIGH);
            assertThat(pir.isActive()).isTrue();
            mock.pin(4).drive(DigitalLevel.LOW);
            assertThat(pir.isActive()).isFalse();
            assertThat(motion).containsExactly(true, false);
            subscription.cancel();
            mock.pin(4).drive(DigitalLevel.HIGH);
            assertThat(motion).containsExactly(true, false);
        }
    }

    @Test
    void closingTheSensorFreesItsPin() throws HalException {
        try (HalContext hal = mock.open()) {
            BinarySensor pir = BinarySensor.open(hal, BinarySensor.Config.of(BinarySensor.Preset.MOTION, 5));
            pir.close();
            assertThatThrownBy(pir::isActive).isInstanceOf(IllegalStateException.class);
            BinarySensor again = BinarySensor.open(hal, BinarySensor.Config.of(BinarySensor.Preset.MOTION, 5));
            assertThat(again.isActive()).isFalse();
        }
    }
}
