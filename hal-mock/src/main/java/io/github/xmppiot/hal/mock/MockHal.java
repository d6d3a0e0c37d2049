package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.Hal;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.HalProvider;
import io.github.xmppiot.hal.I2cDevice;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated board: the pins, ADC channels, I2C chips, SPI devices and 1-Wire slaves that a {@link HalContext} on
 * the {@code mock} backend talks to, with typed handles so tests need no casts.
 *
 * <pre>{@code
 * MockHal mock = MockHal.create();
 * MockI2cDevice chip = mock.i2cDevice(1, 0x76);
 * chip.registers().put(0xD0, 0x60);
 * try (HalContext hal = mock.open()) {
 *     ... drivers under test ...
 * }
 * }</pre>
 *
 * <p>An I2C address without a {@linkplain #i2cDevice(int, int) created} chip behaves like a missing chip: every
 * transfer fails with {@link HalException.Kind#DEVICE_NOT_FOUND}. A context opened through the service loader with
 * {@code hal.backend=mock} gets a fresh board, reachable through {@code context.unwrap(MockHal.class)}.
 *
 * @since 0.1.0
 */
public final class MockHal {

    /**
     * How many entries each history of a simulated part keeps (I2C writes, SPI transfers, output levels, PWM settings,
     * 1-Wire file writes): the most recent ones; older ones are dropped, so that a simulated device serving requests for
     * months keeps a constant footprint.
     */
    public static final int HISTORY_LIMIT = 1_000;

    /** The backend id of the mock backend. */
    public static final String ID = "mock";

    private final MockClock clock;
    private final Map<Integer, MockPin> pins = new HashMap<>();
    private final Map<Integer, MockAnalogInput> analogInputs = new HashMap<>();
    private final Map<Long, MockI2cDevice> i2cDevices = new HashMap<>();
    private final Map<Long, MockSpiDevice> spiDevices = new HashMap<>();
    private final MockOneWireBus oneWire = new MockOneWireBus();

    private MockHal(MockClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new, empty board with its own {@link MockClock}.
     *
     * @return the board
     */
    public static MockHal create() {
        return new MockHal(new MockClock());
    }

    /**
     * A new, empty board on a given clock.
     *
     * @param clock the clock
     * @return the board
     */
    public static MockHal create(MockClock clock) {
        return new MockHal(clock);
    }

    /**
     * The board's clock; contexts from {@link #open()} use it.
     *
     * @return the clock
     */
    public MockClock clock() {
        return clock;
    }

    /**
     * A GPIO pin, created on first use.
     *
     * @param number the pin number, 0 or more
     * @return the pin
     */
    public synchronized MockPin pin(int number) {
        if (number < 0) {
            throw new IllegalArgumentException("pin must be >= 0: " + number);
        }
        return pins.computeIfAbsent(number, MockPin::new);
    }

    /**
     * An ADC channel, created on first use with value 0.
     *
     * @param channel the channel, 0 or more
     * @return the channel
     */
    public synchronized MockAnalogInput analogInput(int channel) {
        return analogInputs.computeIfAbsent(channel, MockAnalogInput::new);
    }

    /**
     * The I2C chip at a bus and address, created (present, all registers 0) on first use.
     *
     * @param bus     the bus
     * @param address the 7-bit address
     * @return the chip
     */
    public synchronized MockI2cDevice i2cDevice(int bus, int address) {
        I2cDevice.checkAddress(address);
        return i2cDevices.computeIfAbsent(key(bus, address), k -> new MockI2cDevice(bus, address));
    }

    /**
     * The I2C chip at a bus and address, if one was created.
     *
     * @param bus     the bus
     * @param address the 7-bit address
     * @return the chip, or empty if the address is unpopulated
     */
    public synchronized Optional<MockI2cDevice> findI2cDevice(int bus, int address) {
        return Optional.ofNullable(i2cDevices.get(key(bus, address)));
    }

    /**
     * Removes the I2C chip at a bus and address, so the address answers no transfer.
     *
     * @param bus     the bus
     * @param address the 7-bit address
     * @return this board
     */
    public synchronized MockHal removeI2cDevice(int bus, int address) {
        i2cDevices.remove(key(bus, address));
        return this;
    }

    /**
     * The SPI device at a bus and chip select, created on first use.
     *
     * @param bus        the bus
     * @param chipSelect the chip-select line
     * @return the device
     */
    public synchronized MockSpiDevice spiDevice(int bus, int chipSelect) {
        return spiDevices.computeIfAbsent(key(bus, chipSelect), k -> new MockSpiDevice(bus, chipSelect));
    }

    /**
     * The 1-Wire bus.
     *
     * @return the bus
     */
    public MockOneWireBus oneWire() {
        return oneWire;
    }

    /**
     * A provider bound to this board (for {@link Hal#create(HalProvider, HalConfig)}).
     *
     * @return the provider
     */
    public HalProvider provider() {
        return new MockHalProvider(this);
    }

    /**
     * Creates and opens a context on this board, using the board's clock.
     *
     * @return the open context
     * @throws HalException never in practice; declared by {@link HalContext#open()}
     */
    public HalContext open() throws HalException {
        return Hal.create(
                        provider(), HalConfig.builder().backend(ID).clock(clock).build())
                .open();
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }
}
