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
 * Driver of the Bosch BME280 temperature, humidity and pressure sensor on I2C (datasheet BST-BME280-DS002).
 *
 * <p>The chip is initialised lazily by the first {@link #read()}: the chip id (register 0xD0) must be 0x60, then the
 * calibration is read from 0x88..0xA1 and 0xE1..0xE7. Each read starts one forced-mode measurement with 1x
 * oversampling of all three quantities (0x01 to ctrl_hum 0xF2, then 0x25 to ctrl_meas 0xF4), waits the maximum
 * measurement time of 9.3 ms (datasheet section 9.1), polls the status register 0xF3 until the "measuring" bit is
 * clear, and reads the burst 0xF7..0xFE. A missing chip, a wrong chip id or a skipped measurement throws
 * {@link HalException}; a failed read never produces a value. After a {@link HalException.Kind#DEVICE_NOT_FOUND} the
 * calibration is read again, so a replaced chip is handled.
 *
 * @since 0.1.0
 */
public final class Bme280 implements AutoCloseable {

    /** Driver type id. */
    public static final String TYPE = "bme280";
    /** Expected content of the chip-id register. */
    public static final int CHIP_ID = 0x60;
    /** Chip-id register. */
    public static final int REG_CHIP_ID = 0xD0;
    /** First calibration register of the temperature/pressure block (up to 0xA1). */
    public static final int REG_CALIB_TP = 0x88;
    /** First calibration register of the humidity block (up to 0xE7). */
    public static final int REG_CALIB_H = 0xE1;
    /** Humidity control register. */
    public static final int REG_CTRL_HUM = 0xF2;
    /** Status register; bit 3 is "measuring". */
    public static final int REG_STATUS = 0xF3;
    /** Temperature/pressure control and mode register. */
    public static final int REG_CTRL_MEAS = 0xF4;
    /** First data register (press_msb); the burst 0xF7..0xFE holds pressure, temperature, humidity. */
    public static final int REG_DATA = 0xF7;
    /** ctrl_hum value: humidity oversampling x1. */
    public static final int CTRL_HUM_X1 = 0x01;
    /** ctrl_meas value: temperature x1 (bits 7:5 = 001), pressure x1 (bits 4:2 = 001), forced mode (01). */
    public static final int CTRL_MEAS_FORCED_X1 = 0x25;
    /** Maximum measurement time with 1x oversampling: 1.25 + 2.3 + 2.875 + 2.875 ms. */
    public static final Duration MEASUREMENT_TIME = Duration.ofNanos(9_300_000);
    /** Decimals of {@link Reading#temperatureC()}, {@link Reading#humidityPercent()} and {@link Reading#pressureHpa()}. */
    public static final int SCALE = 2;

    private static final int STATUS_MEASURING = 0x08;
    private static final int MAX_STATUS_POLLS = 10;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(1);
    private static final int ADC_SKIPPED_20BIT = 0x80000;

    /** Configuration parameters: {@code bus} and {@code address}. */
    public static final DriverInfo INFO = new DriverInfo(
            TYPE,
            "Bosch BME280 temperature, humidity and pressure" + " sensor (I2C)",
            List.of(
                    ParameterSpec.intRange("bus", "I2C bus number (/dev/i2c-N)", 1, 0, 10),
                    ParameterSpec.intChoice(
                            "address", "I2C address (SDO to GND: 0x76, to VDDIO: 0x77)", 0x76, 0x76, 0x77)));

    /**
     * Configuration.
     *
     * @param bus     the I2C bus
     * @param address the I2C address, 0x76 or 0x77
     */
    public record Config(int bus, int address) {

        /** Bus 1, address 0x76: a breakout with SDO to ground on a Raspberry Pi. */
        public static final Config DEFAULT = new Config(1, 0x76);

        /**
         * Validates the configuration against {@link Bme280#INFO}.
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
     * @param temperatureC    temperature in °C, {@value Bme280#SCALE} decimals
     * @param humidityPercent relative humidity in %, {@value Bme280#SCALE} decimals
     * @param pressureHpa     pressure in hPa, {@value Bme280#SCALE} decimals
     */
    public record Reading(BigDecimal temperatureC, BigDecimal humidityPercent, BigDecimal pressureHpa) {}

    private final I2cDevice device;
    private final HalClock clock;
    private Bme280Calibration calibration;

    /**
     * Creates a driver on an open I2C channel; no bus traffic until {@link #read()}.
     *
     * @param device the channel, owned by the driver from now on
     * @param clock  the clock for waiting on the conversion
     */
    public Bme280(I2cDevice device, HalClock clock) {
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
    public static Bme280 open(HalContext hal, Config config) throws HalException {
        return new Bme280(hal.i2c(config.bus(), config.address()), hal.clock());
    }

    /**
     * Performs one forced-mode measurement.
     *
     * @return the compensated measurement
     * @throws HalException if the chip is missing or is not a BME280, a transfer fails, the measurement does not
     *                      finish or was skipped
     */
    public synchronized Reading read() throws HalException {
        try {
            Bme280Calibration cal = calibration();
            device.writeRegister(REG_CTRL_HUM, CTRL_HUM_X1);
            device.writeRegister(REG_CTRL_MEAS, CTRL_MEAS_FORCED_X1);
            waitForMeasurement();
            byte[] d = device.readRegisters(REG_DATA, 8);
            int adcP = (d[0] & 0xFF) << 12 | (d[1] & 0xFF) << 4 | (d[2] & 0xFF) >> 4;
            int adcT = (d[3] & 0xFF) << 12 | (d[4] & 0xFF) << 4 | (d[5] & 0xFF) >> 4;
            int adcH = (d[6] & 0xFF) << 8 | (d[7] & 0xFF);
            if (adcT == ADC_SKIPPED_20BIT || adcP == ADC_SKIPPED_20BIT || adcH == 0x8000) {
                throw new HalException(HalException.Kind.IO_ERROR, "BME280 reported a skipped measurement");
            }
            Bme280Calibration.Compensated c = cal.compensate(adcT, adcP, adcH);
            if (c.pressure() == 0) {
                throw new HalException(HalException.Kind.IO_ERROR, "BME280 calibration invalid (dig_P1 = 0)");
            }
            return new Reading(
                    BigDecimal.valueOf(c.temperature(), 2).setScale(SCALE, RoundingMode.HALF_EVEN),
                    BigDecimal.valueOf(c.humidity()).divide(BigDecimal.valueOf(1024), SCALE, RoundingMode.HALF_EVEN),
                    BigDecimal.valueOf(c.pressure()).divide(BigDecimal.valueOf(25600), SCALE, RoundingMode.HALF_EVEN));
        } catch (HalException e) {
            if (e.kind() == HalException.Kind.DEVICE_NOT_FOUND) {
                calibration = null;
            }
            throw e;
        }
    }

    private Bme280Calibration calibration() throws HalException {
        if (calibration == null) {
            int id = device.readRegister(REG_CHIP_ID);
            if (id != CHIP_ID) {
                throw new HalException(
                        HalException.Kind.WRONG_DEVICE,
                        String.format("chip id 0x%02x at I2C 0x%02x is not a BME280 (0x60)", id, device.address()));
            }
            byte[] tp = device.readRegisters(REG_CALIB_TP, Bme280Calibration.TP_BLOCK_LENGTH);
            byte[] h = device.readRegisters(REG_CALIB_H, Bme280Calibration.H_BLOCK_LENGTH);
            calibration = Bme280Calibration.parse(tp, h);
        }
        return calibration;
    }

    private void waitForMeasurement() throws HalException {
        try {
            clock.sleep(MEASUREMENT_TIME);
            for (int i = 0; i < MAX_STATUS_POLLS; i++) {
                if ((device.readRegister(REG_STATUS) & STATUS_MEASURING) == 0) {
                    return;
                }
                clock.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            throw HalException.interrupted("waiting for the BME280 measurement", e);
        }
        throw new HalException(HalException.Kind.TIMEOUT, "BME280 measurement did not finish");
    }

    /** Closes the I2C channel. */
    @Override
    public void close() {
        device.close();
    }
}
