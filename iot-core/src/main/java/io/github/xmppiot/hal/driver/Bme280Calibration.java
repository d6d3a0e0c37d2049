package io.github.xmppiot.hal.driver;

/**
 * Trimming parameters of one BME280 and the datasheet's integer compensation formulas (BME280 datasheet rev. 1.6,
 * section 4.2.3 and 8.2; the temperature and pressure formulas are the same as the BMP280's). The arithmetic mirrors
 * the reference C code operation by operation, with Java {@code int} for {@code BME280_S32_t} and {@code long} for
 * {@code BME280_S64_t}.
 */
record Bme280Calibration(
        int t1,
        int t2,
        int t3,
        int p1,
        int p2,
        int p3,
        int p4,
        int p5,
        int p6,
        int p7,
        int p8,
        int p9,
        int h1,
        int h2,
        int h3,
        int h4,
        int h5,
        int h6) {

    /** Length of the temperature/pressure block 0x88..0xA1 (including dig_H1 at 0xA1). */
    static final int TP_BLOCK_LENGTH = 26;
    /** Length of the humidity block 0xE1..0xE7. */
    static final int H_BLOCK_LENGTH = 7;

    /**
     * Compensated values in the datasheet's fixed-point formats.
     *
     * @param temperature temperature in 0.01 °C
     * @param pressure    pressure in Pa as Q24.8 (divide by 256), 0 if the calibration would divide by zero
     * @param humidity    relative humidity in % as Q22.10 (divide by 1024)
     */
    record Compensated(int temperature, long pressure, long humidity) {}

    /**
     * Decodes the two calibration blocks (table 16 of the datasheet).
     *
     * @param tp the 26 bytes read from 0x88
     * @param h  the 7 bytes read from 0xE1
     * @return the calibration
     */
    static Bme280Calibration parse(byte[] tp, byte[] h) {
        if (tp.length != TP_BLOCK_LENGTH || h.length != H_BLOCK_LENGTH) {
            throw new IllegalArgumentException("calibration blocks must be 26 and 7 bytes");
        }
        return new Bme280Calibration(
                u16(tp, 0),
                s16(tp, 2),
                s16(tp, 4),
                u16(tp, 6),
                s16(tp, 8),
                s16(tp, 10),
                s16(tp, 12),
                s16(tp, 14),
                s16(tp, 16),
                s16(tp, 18),
                s16(tp, 20),
                s16(tp, 22),
                tp[25] & 0xFF,
                s16(h, 0),
                h[2] & 0xFF,
                (h[3] * 16) | (h[4] & 0x0F), // dig_H4: 0xE4 (signed) << 4 | 0xE5[3:0]
                (h[5] * 16) | ((h[4] & 0xFF) >> 4), // dig_H5: 0xE6 (signed) << 4 | 0xE5[7:4]
                h[6]); // dig_H6: signed char
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int s16(byte[] b, int i) {
        return (short) u16(b, i);
    }

    /**
     * Applies the three compensation formulas; humidity and pressure use the {@code t_fine} of temperature.
     *
     * @param adcT raw temperature (20 bit)
     * @param adcP raw pressure (20 bit)
     * @param adcH raw humidity (16 bit)
     * @return the compensated values
     */
    Compensated compensate(int adcT, int adcP, int adcH) {
        int var1 = (((adcT >> 3) - (t1 << 1)) * t2) >> 11;
        int var2 = (((((adcT >> 4) - t1) * ((adcT >> 4) - t1)) >> 12) * t3) >> 14;
        int tFine = var1 + var2;
        int temperature = (tFine * 5 + 128) >> 8;
        return new Compensated(temperature, pressure(tFine, adcP), humidity(tFine, adcH));
    }

    private long pressure(int tFine, int adcP) {
        long var1 = ((long) tFine) - 128000;
        long var2 = var1 * var1 * p6;
        var2 = var2 + ((var1 * p5) << 17);
        var2 = var2 + (((long) p4) << 35);
        var1 = ((var1 * var1 * p3) >> 8) + ((var1 * p2) << 12);
        var1 = (((1L << 47) + var1)) * p1 >> 33;
        if (var1 == 0) {
            return 0;
        }
        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (((long) p9) * (p >> 13) * (p >> 13)) >> 25;
        var2 = (((long) p8) * p) >> 19;
        p = ((p + var1 + var2) >> 8) + (((long) p7) << 4);
        return p & 0xFFFFFFFFL;
    }

    private long humidity(int tFine, int adcH) {
        int v = tFine - 76800;
        v = ((((adcH << 14) - (h4 << 20) - (h5 * v)) + 16384) >> 15)
                * (((((((v * h6) >> 10) * (((v * h3) >> 11) + 32768)) >> 10) + 2097152) * h2 + 8192) >> 14);
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * h1) >> 4);
        v = v < 0 ? 0 : v;
        v = v > 419430400 ? 419430400 : v;
        return (v >> 12) & 0xFFFFFFFFL;
    }
}
