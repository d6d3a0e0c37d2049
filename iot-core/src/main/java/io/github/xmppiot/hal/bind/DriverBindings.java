package io.github.xmppiot.hal.bind;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.driver.Bh1750;
import io.github.xmppiot.hal.driver.BinarySensor;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.driver.DimmableLed;
import io.github.xmppiot.hal.driver.Ds18b20;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Ready-made sensors and control parameters for the HAL drivers. Field names follow common XEP-0323 usage
 * ({@code Temperature}, {@code Humidity}, {@code Pressure}, {@code Light}, {@code Motion}); a hardware error becomes a
 * field failure, never a value.
 *
 * @since 0.1.0
 */
public final class DriverBindings {

    private DriverBindings() {}

    /**
     * A BME280 as three momentary numeric fields: {@code Temperature} (°C), {@code Humidity} (%) and
     * {@code Pressure} (hPa), two decimals each.
     *
     * @param sensor   the driver
     * @param executor where the blocking I2C read runs
     * @return the sensor
     */
    public static Sensor bme280(Bme280 sensor, Executor executor) {
        return Sensor.blocking(executor, (scope, now) -> {
            Bme280.Reading r = sensor.read();
            return fields(
                    scope,
                    now,
                    Field.momentary("Temperature", NumericValue.of(r.temperatureC(), "°C")),
                    Field.momentary("Humidity", NumericValue.of(r.humidityPercent(), "%")),
                    Field.momentary("Pressure", NumericValue.of(r.pressureHpa(), "hPa")));
        });
    }

    /**
     * A BH1750 as the momentary numeric field {@code Light} (lx).
     *
     * @param sensor   the driver
     * @param executor where the blocking I2C read runs
     * @return the sensor
     */
    public static Sensor bh1750(Bh1750 sensor, Executor executor) {
        return Sensor.blocking(
                executor,
                (scope, now) -> fields(
                        scope,
                        now,
                        Field.momentary("Light", NumericValue.of(sensor.read().lux(), "lx"))));
    }

    /**
     * A DS18B20 as a momentary numeric field (°C); a CRC failure is a field failure.
     *
     * @param sensor    the driver
     * @param fieldName the field name, for example {@code "Temperature"}
     * @param executor  where the blocking 1-Wire read runs
     * @return the sensor
     */
    public static Sensor ds18b20(Ds18b20 sensor, String fieldName, Executor executor) {
        return Sensor.blocking(
                executor,
                (scope, now) -> fields(
                        scope,
                        now,
                        Field.momentary(fieldName, NumericValue.of(sensor.read().temperatureC(), "°C"))));
    }

    /**
     * A binary sensor as a momentary boolean field (XEP-0323) named by its preset: {@code Motion} for a PIR sensor,
     * {@code Pressed} for a push button.
     *
     * @param sensor   the driver
     * @param executor where the GPIO read runs
     * @return the sensor
     */
    public static Sensor binarySensor(BinarySensor sensor, Executor executor) {
        String field = sensor.preset().fieldName();
        return Sensor.blocking(
                executor,
                (scope, now) -> fields(scope, now, Field.momentary(field, BooleanValue.of(sensor.isActive()))));
    }

    /**
     * A switched output (relay or LED) as a boolean control parameter (XEP-0325), labelled by its preset.
     *
     * @param output the driver
     * @param name   the parameter name, for example {@code "Output"}
     * @return the parameter; its state is readable as a writable field
     */
    public static ControlParameter switchedOutput(SwitchedOutput output, String name) {
        return ControlParameter.builder(name, ValueType.BOOLEAN)
                .label(output.preset().label())
                .current(() -> BooleanValue.of(output.isOn()))
                .onSet(v -> hardware(() -> output.set(((BooleanValue) v).value())))
                .build();
    }

    /**
     * A dimmable LED as an int control parameter, 0–100 %.
     *
     * @param led  the driver
     * @param name the parameter name, for example {@code "Brightness"}
     * @return the parameter, with range 0..100
     */
    public static ControlParameter dimmer(DimmableLed led, String name) {
        return ControlParameter.builder(name, ValueType.INT)
                .label("Brightness (%)")
                .range(new IntValue(0), new IntValue(100))
                .current(() -> new IntValue(led.brightness()))
                .onSet(v -> hardware(() -> led.setBrightness(((IntValue) v).value())))
                .build();
    }

    private static SensorData fields(ReadScope scope, DateTimeValue now, Field... fields) {
        List<Field> wanted = new ArrayList<>(fields.length);
        for (Field f : fields) {
            if (scope.wantsField(f.name()) && scope.wantsAnyOf(f.categories())) {
                wanted.add(f);
            }
        }
        return SensorData.of(now, wanted.toArray(Field[]::new));
    }

    private static void hardware(HardwareCall call) {
        try {
            call.run();
        } catch (HalException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface HardwareCall {
        void run() throws HalException;
    }
}
