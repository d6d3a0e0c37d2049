package io.github.xmppiot.hal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.driver.BinarySensor;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.driver.DimmableLed;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import io.github.xmppiot.hal.mock.MockDevices;
import io.github.xmppiot.hal.mock.MockHal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bound sensors report only the fields a request asks for; bound outputs turn hardware failures into errors. */
class DriverBindingsScopeTest {

    private final Executor direct = Runnable::run;
    private final MockHal mock = MockHal.create();

    private static SensorData read(Sensor s, ReadScope scope) throws Exception {
        return s.read(scope, Clock.systemUTC()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSensorReportsOnlyTheNamedFieldsOfTheRequestedCategories() throws Exception {
        MockDevices.bme280(mock, 1, 0x76);
        try (HalContext hal = mock.open();
                Bme280 bme = Bme280.open(hal, Bme280.Config.DEFAULT)) {
            Sensor s = DriverBindings.bme280(bme, direct);
            ReadScope pressure = new ReadScope(EnumSet.of(FieldCategory.MOMENTARY), Set.of("Pressure"), null, null);
            assertThat(read(s, pressure).fields())
                    .extracting(TimedField::field)
                    .extracting(Field::name)
                    .containsExactly("Pressure");
            ReadScope peak = new ReadScope(EnumSet.of(FieldCategory.PEAK), Set.of(), null, null);
            SensorData none = read(s, peak);
            assertThat(none.fields()).isEmpty();
            assertThat(none.failures()).isEmpty();
        }
    }

    @Test
    void aBinarySensorIsABooleanFieldNamedByItsPreset() throws Exception {
        try (HalContext hal = mock.open();
                BinarySensor pir =
                        BinarySensor.open(hal, new BinarySensor.Config(BinarySensor.Preset.MOTION, 4, false, 0))) {
            Sensor s = DriverBindings.binarySensor(pir, direct);
            mock.pin(4).drive(DigitalLevel.HIGH);
            SensorData d = read(s, ReadScope.MOMENTARY);
            assertThat(d.fields()).singleElement().satisfies(tf -> {
                assertThat(tf.field().name()).isEqualTo("Motion");
                assertThat(tf.field().value()).isEqualTo(BooleanValue.TRUE);
            });
            mock.pin(4).drive(DigitalLevel.LOW);
            assertThat(read(s, ReadScope.MOMENTARY).fields().get(0).field().value())
                    .isEqualTo(BooleanValue.FALSE);
        }
    }

    @Test
    void outputsCarryTheirLabelsAndReportHardwareFailures() throws HalException {
        try (HalContext hal = mock.open()) {
            SwitchedOutput relayOut =
                    SwitchedOutput.open(hal, new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, 17, false));
            ControlParameter relay = DriverBindings.switchedOutput(relayOut, "Output");
            assertThat(relay.label()).isEqualTo(SwitchedOutput.Preset.RELAY.label());
            ControlParameter dimmer =
                    DriverBindings.dimmer(DimmableLed.open(hal, new DimmableLed.Config(18, 1000)), "Brightness");
            assertThat(dimmer.label()).isEqualTo("Brightness (%)");
            assertThat(dimmer.validate(new IntValue(-1))).isPresent();
            assertThat(dimmer.validate(new IntValue(100))).isEmpty();

            mock.pin(17).faults().failNext(HalException.Kind.IO_ERROR);
            assertThatThrownBy(() ->
                            relay.apply(BooleanValue.TRUE).toCompletableFuture().join())
                    .hasRootCauseInstanceOf(HalException.class);
            assertThat(relay.currentValue()).contains(BooleanValue.FALSE);
        }
    }
}
