package io.github.xmppiot.hal.driver;

import static io.github.xmppiot.hal.testing.Bme280TestData.EXAMPLE_ADC_P;
import static io.github.xmppiot.hal.testing.Bme280TestData.EXAMPLE_ADC_T;
import static io.github.xmppiot.hal.testing.Bme280TestData.EXAMPLE_TP;
import static io.github.xmppiot.hal.testing.Bme280TestData.TYPICAL_ADC_H;
import static io.github.xmppiot.hal.testing.Bme280TestData.TYPICAL_H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.HalException.Kind;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.hal.mock.MockI2cDevice;
import io.github.xmppiot.hal.testing.Bme280TestData;
import io.github.xmppiot.hal.testing.W1Slave;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection and exact bus traffic, which only the mock backend can simulate or observe. */
class DriverFaultsOnMockTest {

    private final MockHal mock = MockHal.create();
    private HalContext hal;

    @BeforeEach
    void open() throws HalException {
        hal = mock.open();
    }

    @AfterEach
    void close() {
        hal.close();
    }

    private static void assertFails(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private MockI2cDevice bme280Chip(int[] tp) {
        MockI2cDevice chip = mock.i2cDevice(1, 0x76);
        chip.registers()
                .put(0xD0, 0x60)
                .put(0x88, Bme280TestData.tpBlock(tp, TYPICAL_H[0]))
                .put(0xE1, Bme280TestData.hBlock(TYPICAL_H))
                .put(0xF7, Bme280TestData.dataBlock(EXAMPLE_ADC_P, EXAMPLE_ADC_T, TYPICAL_ADC_H));
        return chip;
    }

    @Test
    void bme280WritesExactlyTwoControlRegistersPerMeasurementInOrder() throws HalException {
        MockI2cDevice chip = bme280Chip(EXAMPLE_TP);
        Bme280.open(hal, Bme280.Config.DEFAULT).read();

        assertThat(chip.writes())
                .containsExactly(
                        new MockI2cDevice.Write(0xF2, List.of(0x01)), new MockI2cDevice.Write(0xF4, List.of(0x25)));
    }

    @Test
    void bme280MissingChipIsDeviceNotFound() throws HalException {
        Bme280 bme = Bme280.open(hal, new Bme280.Config(1, 0x77));
        assertFails(bme::read, Kind.DEVICE_NOT_FOUND);
    }

    @Test
    void bme280ReadErrorsAndTimeoutsFailThatReadOnly() throws HalException {
        MockI2cDevice chip = bme280Chip(EXAMPLE_TP);
        Bme280 bme = Bme280.open(hal, Bme280.Config.DEFAULT);
        chip.faults().failNext(Kind.IO_ERROR);
        assertFails(bme::read, Kind.IO_ERROR);
        chip.faults().failNext(Kind.TIMEOUT);
        assertFails(bme::read, Kind.TIMEOUT);

        assertThat(bme.read().temperatureC()).isEqualTo(new BigDecimal("25.08"));
    }

    @Test
    void bme280RereadsCalibrationAfterTheChipWasGone() throws HalException {
        MockI2cDevice chip = bme280Chip(EXAMPLE_TP);
        Bme280 bme = Bme280.open(hal, Bme280.Config.DEFAULT);
        BigDecimal before = bme.read().temperatureC();

        chip.disconnect();
        assertFails(bme::read, Kind.DEVICE_NOT_FOUND);
        int[] otherTrim = EXAMPLE_TP.clone();
        otherTrim[0] += 100; // dig_T1 of the replacement chip
        bme280Chip(otherTrim).connect();

        assertThat(bme.read().temperatureC()).isNotEqualTo(before);
    }

    @Test
    void bh1750MissingChipIsDeviceNotFound() throws HalException {
        Bh1750 sensor = Bh1750.open(hal, Bh1750.Config.DEFAULT);
        assertFails(sensor::read, Kind.DEVICE_NOT_FOUND);
        assertThat(mock.clock().sleeps()).isEmpty();
    }

    @Test
    void ds18b20UnpluggedAndFlakyReads() throws HalException {
        OneWireId id = OneWireId.of("28-000000000001");
        var slave = mock.oneWire().device(id).file("w1_slave", W1Slave.file(W1Slave.scratchpad(0x0191, 12)));
        Ds18b20 sensor = new Ds18b20(hal.oneWire(), new Ds18b20.Config(id));
        slave.faults().failNext(Kind.TIMEOUT);
        assertFails(sensor::read, Kind.TIMEOUT);
        assertThat(sensor.read().temperatureC()).isEqualTo(new BigDecimal("25.0625"));
        slave.disconnect();
        assertFails(sensor::read, Kind.DEVICE_NOT_FOUND);
    }
}
