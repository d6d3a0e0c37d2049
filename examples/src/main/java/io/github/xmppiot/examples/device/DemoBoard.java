package io.github.xmppiot.examples.device;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.Hal;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.Bh1750;
import io.github.xmppiot.hal.driver.BinarySensor;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.driver.DimmableLed;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import io.github.xmppiot.hal.mock.MockDevices;
import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.hal.mock.MockI2cDevice;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo device: a BME280 (temperature, humidity, pressure), a BH1750 (light), a PIR motion sensor, a relay and a
 * dimmable LED, as one Thing. It runs on a simulated board ({@link #simulated}) or on real hardware through any HAL
 * backend ({@link #open}, for example {@code pi4j} on a Raspberry Pi) with the wiring below.
 *
 * <p>Wiring (BCM numbering): BME280 on I2C bus 1 at 0x76, BH1750 on I2C bus 1 at 0x23, PIR on GPIO {@value #PIR_PIN},
 * relay on GPIO {@value #RELAY_PIN}, LED on PWM GPIO {@value #LED_PIN}.
 */
public final class DemoBoard implements AutoCloseable {

    /** GPIO of the PIR sensor. */
    public static final int PIR_PIN = 27;
    /** GPIO of the relay. */
    public static final int RELAY_PIN = 17;
    /** PWM GPIO of the dimmable LED. */
    public static final int LED_PIN = 18;
    /** Illuminance the simulated BH1750 reports, in lux. */
    public static final BigDecimal SIMULATED_LUX = new BigDecimal("320.00");

    private final HalContext hal;
    private final MockHal simulation;
    private final ExecutorService io;
    private final Thing thing;
    private final SwitchedOutput relay;
    private final DimmableLed led;

    private DemoBoard(HalContext hal, MockHal simulation, NodeRef node) throws HalException {
        this.hal = hal;
        this.simulation = simulation;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-board-io");
            t.setDaemon(true);
            return t;
        });
        Bme280 bme = Bme280.open(hal, Bme280.Config.DEFAULT);
        Bh1750 bh = Bh1750.open(hal, Bh1750.Config.DEFAULT);
        BinarySensor pir = BinarySensor.open(hal, BinarySensor.Config.of(BinarySensor.Preset.MOTION, PIR_PIN));
        this.relay = SwitchedOutput.open(hal, new SwitchedOutput.Config(SwitchedOutput.Preset.RELAY, RELAY_PIN, false));
        this.led = DimmableLed.open(hal, new DimmableLed.Config(LED_PIN, 1000));
        this.thing = Thing.builder(node)
                .meta("CLASS", "Multisensor")
                .meta("MAN", "xmpp-iot.github.io")
                .meta("MODEL", "DemoBoard")
                .meta(new NumericTag("V", "1.0"))
                .sensor(DriverBindings.bme280(bme, io))
                .sensor(simulation != null ? simulatedLight(bh, simulation) : DriverBindings.bh1750(bh, io))
                .sensor(DriverBindings.binarySensor(pir, io))
                .parameter(DriverBindings.switchedOutput(relay, "Relay"))
                .parameter(DriverBindings.dimmer(led, "Brightness"))
                .build();
    }

    /**
     * The demo device on a simulated board whose chips return plausible values.
     *
     * @param nodeId the node id of the Thing
     * @return the device
     * @throws HalException never in practice (the simulation has every chip)
     */
    public static DemoBoard simulated(String nodeId) throws HalException {
        return simulated(NodeRef.of(nodeId));
    }

    /**
     * The demo device on a simulated board whose chips return plausible values.
     *
     * @param node the node address of the Thing (a hub puts its nodes in a data source)
     * @return the device
     * @throws HalException never in practice (the simulation has every chip)
     */
    public static DemoBoard simulated(NodeRef node) throws HalException {
        MockHal board = MockHal.create();
        MockDevices.bme280(board, Bme280.Config.DEFAULT.bus(), Bme280.Config.DEFAULT.address());
        board.i2cDevice(Bh1750.Config.DEFAULT.bus(), Bh1750.Config.DEFAULT.address());
        board.pin(PIR_PIN).drive(DigitalLevel.LOW);
        HalContext hal = board.open();
        try {
            return new DemoBoard(hal, board, node);
        } catch (HalException | RuntimeException e) {
            hal.close();
            throw e;
        }
    }

    /**
     * The demo device on real hardware.
     *
     * @param backend the HAL backend id, for example {@code pi4j}
     * @param nodeId  the node id of the Thing
     * @return the device
     * @throws HalException if the backend or a chip cannot be opened
     */
    public static DemoBoard open(String backend, String nodeId) throws HalException {
        HalContext hal = Hal.open(HalConfig.builder().backend(backend).build());
        try {
            return new DemoBoard(hal, null, NodeRef.of(nodeId));
        } catch (HalException | RuntimeException e) {
            hal.close();
            throw e;
        }
    }

    /** @return the Thing: sensors and the control parameters {@code Relay} and {@code Brightness} */
    public Thing thing() {
        return thing;
    }

    /** @return the simulated board, empty on real hardware */
    public Optional<MockHal> simulation() {
        return Optional.ofNullable(simulation);
    }

    /** @return whether the relay is on */
    public boolean relayOn() {
        return relay.isOn();
    }

    /** @return the LED brightness in percent */
    public int brightness() {
        return led.brightness();
    }

    /**
     * Simulates motion in front of the PIR sensor (simulated board only).
     *
     * @param motion whether something moves
     * @throws IllegalStateException on real hardware
     */
    public void simulateMotion(boolean motion) {
        simulation()
                .orElseThrow(() -> new IllegalStateException("not a simulated board"))
                .pin(PIR_PIN)
                .drive(motion ? DigitalLevel.HIGH : DigitalLevel.LOW);
    }

    private Sensor simulatedLight(Bh1750 bh, MockHal board) {
        MockI2cDevice chip = board.i2cDevice(Bh1750.Config.DEFAULT.bus(), Bh1750.Config.DEFAULT.address());
        int counts = SIMULATED_LUX.multiply(new BigDecimal("1.2")).intValue();
        return Sensor.blocking(io, (scope, now) -> {
            if (!scope.wantsField("Light") || !scope.wantsAnyOf(EnumSet.of(FieldCategory.MOMENTARY))) {
                return SensorData.EMPTY;
            }
            synchronized (bh) {
                chip.queueRawRead(counts >> 8, counts & 0xFF);
                return SensorData.of(
                        now, Field.momentary("Light", NumericValue.of(bh.read().lux(), "lx")));
            }
        });
    }

    /** Turns the outputs off and releases the hardware. */
    @Override
    public void close() {
        io.shutdownNow();
        hal.close();
    }
}
