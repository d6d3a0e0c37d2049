package io.github.xmppiot.hal.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.driver.DimmableLed;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import io.github.xmppiot.hal.mock.MockDevices;
import io.github.xmppiot.hal.mock.MockHal;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DriverBindingsTest {

    private final Executor direct = Runnable::run;

    @Test
    void bme280BecomesThreeNumericFieldsWithTwoDecimals() throws Exception {
        MockHal mock = MockHal.create();
        MockDevices.bme280(mock, 1, 0x76);
        try (HalContext hal = mock.open();
                Bme280 bme = Bme280.open(hal, Bme280.Config.DEFAULT)) {
            Thing t = Thing.builder("Env")
                    .sensor(DriverBindings.bme280(bme, direct))
                    .build();
            SensorData d = t.read(ReadScope.MOMENTARY, Clock.systemUTC())
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            assertThat(d.fields())
                    .extracting(TimedField::field)
                    .extracting(Field::name)
                    .containsExactly("Temperature", "Humidity", "Pressure");
            assertThat(d.fields().get(0).field().value().lexical()).isEqualTo("25.08");
            assertThat(d.fields().get(2).field().value().lexical()).isEqualTo("1006.53");
            assertThat(d.failures()).isEmpty();
        }
    }

    @Test
    void missingChipIsAFailureNotAValue() throws Exception {
        MockHal mock = MockHal.create();
        MockDevices.bme280(mock, 1, 0x76).disconnect();
        try (HalContext hal = mock.open()) {
            Bme280 bme = new Bme280(hal.i2c(1, 0x76), hal.clock());
            Thing t = Thing.builder("Env")
                    .sensor(DriverBindings.bme280(bme, direct))
                    .build();
            SensorData d = t.read(ReadScope.MOMENTARY, Clock.systemUTC())
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            assertThat(d.fields()).isEmpty();
            assertThat(d.failures()).hasSize(1);
        }
    }

    @Test
    void relayAndDimmerAreControlParametersThatDriveTheHal() throws HalException {
        MockHal mock = MockHal.create();
        try (HalContext hal = mock.open()) {
            ControlParameter relay = DriverBindings.switchedOutput(
                    SwitchedOutput.open(hal, new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, 17, false)),
                    "Output");
            ControlParameter dimmer =
                    DriverBindings.dimmer(DimmableLed.open(hal, new DimmableLed.Config(18, 1000)), "Brightness");
            relay.apply(BooleanValue.TRUE).toCompletableFuture().join();
            assertThat(mock.pin(17).level()).isEqualTo(DigitalLevel.HIGH);
            assertThat(relay.currentValue()).contains(BooleanValue.TRUE);
            assertThat(dimmer.validate(new IntValue(101))).isPresent();
            dimmer.apply(new IntValue(40)).toCompletableFuture().join();
            assertThat(mock.pin(18).pwm().orElseThrow().dutyCyclePercent()).isEqualTo(40.0);
            assertThat(dimmer.currentValue()).contains(new IntValue(40));
        }
    }
}
