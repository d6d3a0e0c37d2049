package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.HalClock;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Driver of the ROHM BH1750FVI ambient light sensor on I2C. The chip has no registers, only one-byte instructions:
 * each {@link #read()} sends Power On (0x01) and One Time H-Resolution Mode (0x20), waits the maximum conversion
 * time of 180 ms, and reads the two-byte result (high byte first). Illuminance is result / 1.2 lx at the default
 * measurement time (MTreg 69), as in the datasheet's example (0x8390 gives 28067 lx).
 *
 * @since 0.1.0
 */
public final class Bh1750 implements AutoCloseable {

    /** Driver type id. */
    public static final String TYPE = "bh1750";
    /** Address with ADDR pin low. */
    public static final int ADDRESS_LOW = 0x23;
    /** Address with ADDR pin high. */
    public static final int ADDRESS_HIGH = 0x5C;
    /** Power On instruction. */
    public static final int POWER_ON = 0x01;
    /** One Time H-Resolution Mode instruction (1 lx resolution, powers down after the measurement). */
    public static final int ONE_TIME_H_RESOLUTION = 0x20;
    /** Maximum H-resolution measurement time. */
    public static final Duration MEASUREMENT_TIME = Duration.ofMillis(180);
    /** Decimals of {@link Reading#lux()}. */
    public static final int SCALE = 2;

    private static final BigDecimal COUNTS_PER_LUX = new BigDecimal("1.2");

    /** Configuration parameters: {@code bus} and {@code address}. */
    public static final DriverInfo INFO = new DriverInfo(
            TYPE,
            "ROHM BH1750 ambient light sensor (I2C)",
            List.of(
                    ParameterSpec.intRange("bus", "I2C bus number (/dev/i2c-N)", 1, 0, 10),
                    ParameterSpec.intChoice(
                            "address",
                            "I2C address (ADDR low: 0x23, high: 0x5C)",
                            ADDRESS_LOW,
                            ADDRESS_LOW,
                            ADDRESS_HIGH)));

    /**
     * Configuration.
     *
     * @param bus     the I2C bus
     * @param address the I2C address, 0x23 or 0x5C
     */
    public record Config(int bus, int address) {

        /** Bus 1, address 0x23. */
        public static final Config DEFAULT = new Config(1, ADDRESS_LOW);

        /**
         * Validates the configuration against {@link Bh1750#INFO}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            INFO.parameter("bus").orElseThrow().validate(bus);
            INFO.parameter("address").orElseThrow().validate(address);
        }

        /**
         * Builds a configuration from textual parameters, applying defaults.
         *
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Map<String, String> values) {
            Map<String, Object> v = INFO.resolve(values);
            return new Config((Integer) v.get("bus"), (Integer) v.get("address"));
        }
    }

    /**
     * One measurement.
     *
     * @param lux illuminance in lx, {@value Bh1750#SCALE} decimals
     */
    public record Reading(BigDecimal lux) {}

    private final I2cDevice device;
    private final HalClock clock;

    /**
     * Creates a driver on an open I2C channel; no bus traffic until {@link #read()}.
     *
     * @param device the channel, owned by the driver from now on
     * @param clock  the clock for waiting on the conversion
     */
    public Bh1750(I2cDevice device, HalClock clock) {
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the I2C channel and creates the driver.
     *
     * @param hal    the open context
     * @param config the configuration
     * @return the driver
     * @throws HalException if the bus cannot be opened
     */
    public static Bh1750 open(HalContext hal, Config config) throws HalException {
        return new Bh1750(hal.i2c(config.bus(), config.address()), hal.clock());
    }

    /**
     * Performs one H-resolution measurement (blocks about 180 ms).
     *
     * @return the illuminance
     * @throws HalException if the chip is missing or a transfer fails
     */
    public synchronized Reading read() throws HalException {
        device.write((byte) POWER_ON);
        device.write((byte) ONE_TIME_H_RESOLUTION);
        try {
            clock.sleep(MEASUREMENT_TIME);
        } catch (InterruptedException e) {
            throw HalException.interrupted("waiting for the BH1750 measurement", e);
        }
        byte[] r = device.read(2);
        int counts = (r[0] & 0xFF) << 8 | (r[1] & 0xFF);
        return new Reading(BigDecimal.valueOf(counts).divide(COUNTS_PER_LUX, SCALE, RoundingMode.HALF_EVEN));
    }

    /** Closes the I2C channel. */
    @Override
    public void close() {
        device.close();
    }
}
