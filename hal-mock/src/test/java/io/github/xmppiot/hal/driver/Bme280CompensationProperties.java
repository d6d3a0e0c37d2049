package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.xmppiot.hal.testing.Bme280TestData;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The integer compensation against the datasheet's double-precision formulas. */
class Bme280CompensationProperties {

    private static final byte[] TP =
            toBytes(Bme280TestData.tpBlock(Bme280TestData.EXAMPLE_TP, Bme280TestData.TYPICAL_H[0]));
    private static final byte[] H = toBytes(Bme280TestData.hBlock(Bme280TestData.TYPICAL_H));
    private static final Bme280Calibration CAL = Bme280Calibration.parse(TP, H);

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Example
    void parsesTheCalibrationBlocksIncludingTheSharedH4H5Register() {
        assertThat(CAL)
                .isEqualTo(new Bme280Calibration(
                        27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000, 75, 362, 0, 313,
                        50, 30));
        byte[] negative = toBytes(Bme280TestData.hBlock(new int[] {0, -300, 255, -1000, -2000, -5}));
        Bme280Calibration c = Bme280Calibration.parse(TP, negative);
        assertThat(new int[] {c.h2(), c.h3(), c.h4(), c.h5(), c.h6()}).containsExactly(-300, 255, -1000, -2000, -5);
    }

    @Example
    void datasheetWorkedExample() {
        Bme280Calibration.Compensated c = CAL.compensate(519888, 415148, 0);
        assertThat(c.temperature()).isEqualTo(2508);
        // datasheet (double formula): 100653.27 Pa; the 64-bit integer formula gives 25767233 / 256 Pa, which an
        // independent evaluation of the reference C code with truncating division confirms
        assertThat(c.pressure()).isEqualTo(25767233L);
        assertThat(c.pressure() / 256.0).isCloseTo(100653.27, within(0.02));
    }

    @Property
    void integerFormulasAgreeWithTheDoubleFormulas(
            @ForAll @IntRange(min = 400_000, max = 600_000) int adcT,
            @ForAll @IntRange(min = 250_000, max = 500_000) int adcP,
            @ForAll @IntRange(min = 20_000, max = 40_000) int adcH) {
        int[] tp = Bme280TestData.EXAMPLE_TP;
        Bme280Calibration.Compensated c = CAL.compensate(adcT, adcP, adcH);
        assertThat(c.temperature() / 100.0).isCloseTo(Bme280TestData.temperature(tp, adcT), within(0.01));
        assertThat(c.pressure() / 256.0).isCloseTo(Bme280TestData.pressure(tp, adcT, adcP), within(1.0));
        assertThat(c.humidity() / 1024.0)
                .isCloseTo(Bme280TestData.humidity(tp, Bme280TestData.TYPICAL_H, adcT, adcH), within(0.05));
    }
}
