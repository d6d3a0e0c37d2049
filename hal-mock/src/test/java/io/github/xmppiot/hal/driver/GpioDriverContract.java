package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.testing.HalFixture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of the GPIO drivers (button, PIR, relay, LED, dimmable LED), run on every backend. */
public abstract class GpioDriverContract {

    protected HalFixture fx;
    private final List<Boolean> events = new CopyOnWriteArrayList<>();

    protected abstract HalFixture createFixture();

    @BeforeEach
    void setUp() {
        fx = createFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void buttonReportsOnePressDespiteContactBounce() throws HalException {
        BinarySensor button = BinarySensor.open(fx.hal(), BinarySensor.Config.of(BinarySensor.Preset.BUTTON, 17));
        fx.drive(17, DigitalLevel.HIGH); // released (pull-up)
        fx.clock().advanceMillis(20);
        button.onChange(events::add);
        assertThat(button.isActive()).isFalse();

        fx.drive(17, DigitalLevel.LOW);
        fx.clock().advanceMillis(3);
        fx.drive(17, DigitalLevel.HIGH);
        fx.clock().advanceMillis(3);
        fx.drive(17, DigitalLevel.LOW);
        fx.clock().advanceMillis(19);
        assertThat(events).isEmpty();
        assertThat(button.isActive()).isFalse();

        fx.clock().advanceMillis(1);
        assertThat(events).containsExactly(true);
        assertThat(button.isActive()).isTrue();

        fx.drive(17, DigitalLevel.HIGH);
        fx.clock().advanceMillis(20);
        assertThat(events).containsExactly(true, false);
    }

    @Test
    void buttonIgnoresAGlitchShorterThanTheDebouncePeriod() throws HalException {
        BinarySensor button = BinarySensor.open(fx.hal(), BinarySensor.Config.of(BinarySensor.Preset.BUTTON, 17));
        fx.drive(17, DigitalLevel.HIGH);
        fx.clock().advanceMillis(20);
        button.onChange(events::add);

        fx.drive(17, DigitalLevel.LOW);
        fx.clock().advanceMillis(5);
        fx.drive(17, DigitalLevel.HIGH);
        fx.clock().advanceMillis(100);

        assertThat(events).isEmpty();
        assertThat(button.isActive()).isFalse();
    }

    @Test
    void motionSensorIsActiveHigh() throws HalException {
        BinarySensor pir = BinarySensor.open(fx.hal(), BinarySensor.Config.of(BinarySensor.Preset.MOTION, 4));
        fx.drive(4, DigitalLevel.LOW);
        fx.clock().advanceMillis(50);
        pir.onChange(events::add);

        fx.drive(4, DigitalLevel.HIGH);
        fx.clock().advanceMillis(50);
        assertThat(pir.isActive()).isTrue();
        fx.drive(4, DigitalLevel.LOW);
        fx.clock().advanceMillis(50);

        assertThat(events).containsExactly(true, false);
        assertThat(pir.isActive()).isFalse();
    }

    @Test
    void relayStartsOffAndSwitches() throws HalException {
        SwitchedOutput relay =
                SwitchedOutput.open(fx.hal(), new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, 23, false));
        assertThat(fx.outputLevel(23)).isEqualTo(DigitalLevel.LOW);
        assertThat(relay.isOn()).isFalse();

        relay.on();
        assertThat(fx.outputLevel(23)).isEqualTo(DigitalLevel.HIGH);
        assertThat(relay.isOn()).isTrue();
        relay.off();
        assertThat(fx.outputLevel(23)).isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void activeLowRelayIsDrivenHighWhileOff() throws HalException {
        SwitchedOutput relay =
                SwitchedOutput.open(fx.hal(), new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, 24, true));
        assertThat(fx.outputLevel(24)).isEqualTo(DigitalLevel.HIGH);

        relay.on();
        assertThat(fx.outputLevel(24)).isEqualTo(DigitalLevel.LOW);
        assertThat(relay.isOn()).isTrue();
    }

    @Test
    void ledSwitches() throws HalException {
        SwitchedOutput led =
                SwitchedOutput.open(fx.hal(), new SwitchedOutput.Config(SwitchedOutput.Preset.LED, 27, false));
        led.set(true);
        assertThat(fx.outputLevel(27)).isEqualTo(DigitalLevel.HIGH);
        led.set(false);
        assertThat(fx.outputLevel(27)).isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void dimmableLedMapsBrightnessToDutyCycle() throws HalException {
        DimmableLed led = DimmableLed.open(fx.hal(), new DimmableLed.Config(18, 800));
        assertThat(fx.pwmDutyCycle(18)).isZero();

        led.setBrightness(40);
        assertThat(fx.pwmDutyCycle(18)).isEqualTo(40.0);
        assertThat(fx.pwmFrequency(18)).isEqualTo(800);
        assertThat(led.brightness()).isEqualTo(40);

        led.off();
        assertThat(fx.pwmDutyCycle(18)).isZero();
        assertThatThrownBy(() -> led.setBrightness(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
