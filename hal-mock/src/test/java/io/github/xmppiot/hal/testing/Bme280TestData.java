package io.github.xmppiot.hal.testing;

/**
 * Register images for BME280 tests, built from calibration values, plus the datasheet's double-precision compensation
 * formulas (BME280 datasheet section 8.1) as an independent oracle for the integer formulas.
 */
public final class Bme280TestData {

    /** dig_T1..T3, dig_P1..P9 of the worked example in the BMP280 datasheet, section 3.12 (same formulas). */
    public static final int[] EXAMPLE_TP = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000
    };
    /** adc_T of the worked example. */
    public static final int EXAMPLE_ADC_T = 519888;
    /** adc_P of the worked example. */
    public static final int EXAMPLE_ADC_P = 415148;
    /** dig_H1..H6 as read from a real BME280 (the datasheet has no humidity example). */
    public static final int[] TYPICAL_H = {75, 362, 0, 313, 50, 30};
    /** A raw humidity of a room at about 40 %RH with {@link #TYPICAL_H}. */
    public static final int TYPICAL_ADC_H = 27000;

    private Bme280TestData() {}

    /** The 26 bytes of 0x88..0xA1: twelve little-endian words, 0xA0 unused, dig_H1 at 0xA1. */
    public static int[] tpBlock(int[] tp, int h1) {
        int[] out = new int[26];
        for (int i = 0; i < 12; i++) {
            out[2 * i] = tp[i] & 0xFF;
            out[2 * i + 1] = (tp[i] >> 8) & 0xFF;
        }
        out[25] = h1;
        return out;
    }

    /** The 7 bytes of 0xE1..0xE7 for dig_H2..H6 (H4 and H5 share 0xE5). */
    public static int[] hBlock(int[] h) {
        int h2 = h[1];
        int h3 = h[2];
        int h4 = h[3];
        int h5 = h[4];
        int h6 = h[5];
        return new int[] {
            h2 & 0xFF,
            (h2 >> 8) & 0xFF,
            h3 & 0xFF,
            (h4 >> 4) & 0xFF,
            (h4 & 0x0F) | ((h5 & 0x0F) << 4),
            (h5 >> 4) & 0xFF,
            h6 & 0xFF
        };
    }

    /** The burst 0xF7..0xFE: press msb/lsb/xlsb, temp msb/lsb/xlsb, hum msb/lsb. */
    public static int[] dataBlock(int adcP, int adcT, int adcH) {
        return new int[] {
            (adcP >> 12) & 0xFF,
            (adcP >> 4) & 0xFF,
            (adcP & 0x0F) << 4,
            (adcT >> 12) & 0xFF,
            (adcT >> 4) & 0xFF,
            (adcT & 0x0F) << 4,
            (adcH >> 8) & 0xFF,
            adcH & 0xFF
        };
    }

    /** Double-precision t_fine (datasheet 8.1). */
    public static double tFine(int[] tp, int adcT) {
        double var1 = (adcT / 16384.0 - tp[0] / 1024.0) * tp[1];
        double var2 = (adcT / 131072.0 - tp[0] / 8192.0) * (adcT / 131072.0 - tp[0] / 8192.0) * tp[2];
        return var1 + var2;
    }

    /** Double-precision temperature in °C. */
    public static double temperature(int[] tp, int adcT) {
        return tFine(tp, adcT) / 5120.0;
    }

    /** Double-precision pressure in Pa. */
    public static double pressure(int[] tp, int adcT, int adcP) {
        double tFine = (long) tFine(tp, adcT);
        double var1 = tFine / 2.0 - 64000.0;
        double var2 = var1 * var1 * tp[8] / 32768.0;
        var2 = var2 + var1 * tp[7] * 2.0;
        var2 = var2 / 4.0 + tp[6] * 65536.0;
        var1 = (tp[5] * var1 * var1 / 524288.0 + tp[4] * var1) / 524288.0;
        var1 = (1.0 + var1 / 32768.0) * tp[3];
        double p = 1048576.0 - adcP;
        p = (p - var2 / 4096.0) * 6250.0 / var1;
        var1 = tp[11] * p * p / 2147483648.0;
        var2 = p * tp[10] / 32768.0;
        return p + (var1 + var2 + tp[9]) / 16.0;
    }

    /** Double-precision relative humidity in %. */
    public static double humidity(int[] tp, int[] h, int adcT, int adcH) {
        double varH = (long) tFine(tp, adcT) - 76800.0;
        varH = (adcH - (h[3] * 64.0 + h[4] / 16384.0 * varH))
                * (h[1] / 65536.0 * (1.0 + h[5] / 67108864.0 * varH * (1.0 + h[2] / 67108864.0 * varH)));
        varH = varH * (1.0 - h[0] * varH / 524288.0);
        return Math.max(0, Math.min(100, varH));
    }
}
