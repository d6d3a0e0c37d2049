package io.github.xmppiot.hal.driver;

import static io.github.xmppiot.hal.testing.Bme280TestData.EXAMPLE_ADC_P;
import static io.github.xmppiot.hal.testing.Bme280TestData.EXAMPLE_ADC_T;
import static io.github.xmppiot.hal.testing.Bme280TestData.EXAMPLE_TP;
import static io.github.xmppiot.hal.testing.Bme280TestData.TYPICAL_ADC_H;
import static io.github.xmppiot.hal.testing.Bme280TestData.TYPICAL_H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.testing.Bme280TestData;
import io.github.xmppiot.hal.testing.HalFixture;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BME280 driver contract, run on every backend (subclasses supply the fixture). */
public abstract class Bme280Contract {

    static final int BUS = 1;
    static final int ADDR = 0x76;

    protected HalFixture fx;
    protected Bme280 bme;

    protected abstract HalFixture createFixture();

    @BeforeEach
    void setUp() throws HalException {
        fx = createFixture();
        bme = Bme280.open(fx.hal(), Bme280.Config.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    protected void primeIdentityAndCalibration(int chipId) {
        fx.i2cRegisters(BUS, ADDR, Bme280.REG_CHIP_ID, chipId);
        fx.i2cRegisters(BUS, ADDR, Bme280.REG_CALIB_TP, Bme280TestData.tpBlock(EXAMPLE_TP, TYPICAL_H[0]));
        fx.i2cRegisters(BUS, ADDR, Bme280.REG_CALIB_H, Bme280TestData.hBlock(TYPICAL_H));
    }

    protected void primeMeasurement(int adcP, int adcT, int adcH, int... status) {
        fx.i2cRegisterSequence(BUS, ADDR, Bme280.REG_STATUS, status);
        fx.i2cRegisters(BUS, ADDR, Bme280.REG_DATA, Bme280TestData.dataBlock(adcP, adcT, adcH));
    }

    @Test
    void datasheetWorkedExampleGivesTemperatureAndPressureWithTwoDecimals() throws HalException {
        primeIdentityAndCalibration(Bme280.CHIP_ID);
        primeMeasurement(EXAMPLE_ADC_P, EXAMPLE_ADC_T, TYPICAL_ADC_H, 0x00);

        Bme280.Reading r = bme.read();

        // BMP280 datasheet 3.12: T = 25.08 degC, p = 100653.27 Pa
        assertThat(r.temperatureC()).isEqualTo(new BigDecimal("25.08"));
        assertThat(r.pressureHpa()).isEqualTo(new BigDecimal("1006.53"));
        assertThat(r.humidityPercent().scale()).isEqualTo(2);
        assertThat(r.humidityPercent().doubleValue())
                .isCloseTo(Bme280TestData.humidity(EXAMPLE_TP, TYPICAL_H, EXAMPLE_ADC_T, TYPICAL_ADC_H), within(0.02));
    }

    @Test
    void startsOneForcedMeasurementWithOversamplingX1AndWaitsTheMaximumTime() throws HalException {
        primeIdentityAndCalibration(Bme280.CHIP_ID);
        primeMeasurement(EXAMPLE_ADC_P, EXAMPLE_ADC_T, TYPICAL_ADC_H, 0x00);

        bme.read();

        assertThat(fx.i2cRegisterWrites(BUS, ADDR, Bme280.REG_CTRL_HUM)).containsExactly(0x01);
        assertThat(fx.i2cRegisterWrites(BUS, ADDR, Bme280.REG_CTRL_MEAS)).containsExactly(0x25);
        assertThat(fx.clock().sleeps()).containsExactly(Duration.ofNanos(9_300_000));
    }

    @Test
    void pollsTheStatusRegisterWhileMeasuring() throws HalException {
        primeIdentityAndCalibration(Bme280.CHIP_ID);
        primeMeasurement(EXAMPLE_ADC_P, EXAMPLE_ADC_T, TYPICAL_ADC_H, 0x08, 0x08, 0x00);

        assertThat(bme.read().temperatureC()).isEqualTo(new BigDecimal("25.08"));
        assertThat(fx.clock().sleeps())
                .containsExactly(Duration.ofNanos(9_300_000), Duration.ofMillis(1), Duration.ofMillis(1));
    }

    @Test
    void measurementThatNeverFinishesIsATimeout() {
        primeIdentityAndCalibration(Bme280.CHIP_ID);
        primeMeasurement(
                EXAMPLE_ADC_P,
                EXAMPLE_ADC_T,
                TYPICAL_ADC_H,
                0x08,
                0x08,
                0x08,
                0x08,
                0x08,
                0x08,
                0x08,
                0x08,
                0x08,
                0x08);

        assertThatThrownBy(bme::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.TIMEOUT));
    }

    @Test
    void wrongChipIdIsAWrongDeviceAndStartsNoMeasurement() {
        primeIdentityAndCalibration(0x58); // a BMP280

        assertThatThrownBy(bme::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.WRONG_DEVICE));
        assertThat(fx.i2cRegisterWrites(BUS, ADDR, Bme280.REG_CTRL_MEAS)).isEmpty();
    }

    @Test
    void missingChipIsAnExceptionNotAValue() {
        assertThatThrownBy(bme::read).isInstanceOf(HalException.class);
    }

    @Test
    void skippedTemperatureMeasurementIsAnError() {
        primeIdentityAndCalibration(Bme280.CHIP_ID);
        primeMeasurement(EXAMPLE_ADC_P, 0x80000, TYPICAL_ADC_H, 0x00);

        assertThatThrownBy(bme::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.IO_ERROR));
    }

    @Test
    void identityAndCalibrationAreReadOnlyOnce() throws HalException {
        primeIdentityAndCalibration(Bme280.CHIP_ID);
        primeMeasurement(EXAMPLE_ADC_P, EXAMPLE_ADC_T, TYPICAL_ADC_H, 0x00);
        bme.read();
        fx.i2cRegisters(BUS, ADDR, Bme280.REG_CHIP_ID, 0x58); // would fail a second identity check
        primeMeasurement(EXAMPLE_ADC_P, EXAMPLE_ADC_T + 16 * 100, TYPICAL_ADC_H, 0x00);

        Bme280.Reading second = bme.read();

        assertThat(second.temperatureC()).isGreaterThan(new BigDecimal("25.08"));
        assertThat(fx.i2cRegisterWrites(BUS, ADDR, Bme280.REG_CTRL_MEAS)).containsExactly(0x25, 0x25);
    }
}
