package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.driver.Bme280;

/**
 * Ready-made simulated chips for demos, examples and tests of code above the drivers: each primes a
 * {@link MockI2cDevice} so that the matching driver reads plausible values.
 *
 * @since 0.1.0
 */
public final class MockDevices {

    /** dig_T1..T3, dig_P1..P9 of the worked example in the Bosch BMP280/BME280 datasheets. */
    private static final int[] CALIB_TP = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000
    };
    /** dig_H1..H6 as read from a real BME280. */
    private static final int[] CALIB_H = {75, 362, 0, 313, 50, 30};

    private MockDevices() {}

    /**
     * Simulates a BME280 at a bus address that reads 25.08 °C and 1006.53 hPa (the datasheet's worked example) and a
     * room humidity, on every read.
     *
     * @param hal     the simulated board
     * @param bus     the I2C bus
     * @param address the I2C address (0x76 or 0x77)
     * @return the simulated chip
     */
    public static MockI2cDevice bme280(MockHal hal, int bus, int address) {
        return bme280(hal, bus, address, 519888, 415148, 27000);
    }

    /**
     * Simulates a BME280 returning the given raw ADC values on every read.
     *
     * @param hal     the simulated board
     * @param bus     the I2C bus
     * @param address the I2C address
     * @param adcT    raw temperature (20 bits)
     * @param adcP    raw pressure (20 bits)
     * @param adcH    raw humidity (16 bits)
     * @return the simulated chip
     */
    public static MockI2cDevice bme280(MockHal hal, int bus, int address, int adcT, int adcP, int adcH) {
        MockI2cDevice dev = hal.i2cDevice(bus, address);
        int[] tp = new int[26];
        for (int i = 0; i < 12; i++) {
            tp[2 * i] = CALIB_TP[i] & 0xFF;
            tp[2 * i + 1] = (CALIB_TP[i] >> 8) & 0xFF;
        }
        tp[25] = CALIB_H[0];
        int h4 = CALIB_H[3];
        int h5 = CALIB_H[4];
        int[] h = {
            CALIB_H[1] & 0xFF,
            (CALIB_H[1] >> 8) & 0xFF,
            CALIB_H[2] & 0xFF,
            (h4 >> 4) & 0xFF,
            (h4 & 0x0F) | ((h5 & 0x0F) << 4),
            (h5 >> 4) & 0xFF,
            CALIB_H[5] & 0xFF
        };
        int[] data = {
            (adcP >> 12) & 0xFF,
            (adcP >> 4) & 0xFF,
            (adcP & 0x0F) << 4,
            (adcT >> 12) & 0xFF,
            (adcT >> 4) & 0xFF,
            (adcT & 0x0F) << 4,
            (adcH >> 8) & 0xFF,
            adcH & 0xFF
        };
        dev.registers()
                .put(Bme280.REG_CHIP_ID, Bme280.CHIP_ID)
                .put(Bme280.REG_CALIB_TP, tp)
                .put(Bme280.REG_CALIB_H, h)
                .put(Bme280.REG_STATUS, 0)
                .put(Bme280.REG_DATA, data);
        return dev;
    }
}
