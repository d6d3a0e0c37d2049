package io.github.xmppiot.hal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.testing.HalFixture;
import io.github.xmppiot.hal.testing.W1Slave;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DS18B20 driver contract, run on every backend. */
public abstract class Ds18b20Contract {

    static final OneWireId ID = OneWireId.of("28-0316a2792aff");
    /** A w1_slave file as printed by the kernel (w1_therm), 23.125 degC at 12 bits. */
    static final String KERNEL_SAMPLE =
            "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n" + "72 01 4b 46 7f ff 0e 10 57 t=23125\n";

    protected HalFixture fx;
    protected OneWireBus bus;
    protected Ds18b20 sensor;

    protected abstract HalFixture createFixture();

    @BeforeEach
    void setUp() throws HalException {
        fx = createFixture();
        bus = fx.hal().oneWire();
        sensor = new Ds18b20(bus, new Ds18b20.Config(ID));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void decodesTheKernelSample() throws HalException {
        fx.oneWireSlave(ID, KERNEL_SAMPLE);

        Ds18b20.Reading r = sensor.read();

        assertThat(r.temperatureC()).isEqualTo(new BigDecimal("23.1250"));
        assertThat(r.resolutionBits()).isEqualTo(12);
    }

    /** Datasheet table 1, temperature/data relationship (12-bit). */
    @ParameterizedTest
    @CsvSource({
        "0x07D0, 125.0000",
        "0x0550, 85.0000",
        "0x0191, 25.0625",
        "0x00A2, 10.1250",
        "0x0008, 0.5000",
        "0x0000, 0.0000",
        "0xFFF8, -0.5000",
        "0xFF5E, -10.1250",
        "0xFE6F, -25.0625",
        "0xFC90, -55.0000"
    })
    void datasheetTemperatureTable(String raw, String expected) throws HalException {
        fx.oneWireSlave(ID, W1Slave.file(W1Slave.scratchpad(Integer.decode(raw), 12)));

        assertThat(sensor.read().temperatureC()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void lowerResolutionIgnoresTheUndefinedBits() throws HalException {
        fx.oneWireSlave(ID, W1Slave.file(W1Slave.scratchpad(0x0197, 9)));

        Ds18b20.Reading r = sensor.read();

        assertThat(r.temperatureC()).isEqualTo(new BigDecimal("25.0000"));
        assertThat(r.resolutionBits()).isEqualTo(9);
    }

    @Test
    void crcMismatchIsAChecksumErrorEvenWhenTheKernelSaysYes() {
        fx.oneWireSlave(ID, KERNEL_SAMPLE.replace("72 01", "73 01"));

        assertThatThrownBy(sensor::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.CHECKSUM));
    }

    @Test
    void allZeroScratchpadIsAMissingDeviceAlthoughItsCrcPasses() {
        fx.oneWireSlave(ID, "00 00 00 00 00 00 00 00 00 : crc=00 YES\n00 00 00 00 00 00 00 00 00 t=0\n");

        assertThatThrownBy(sensor::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.DEVICE_NOT_FOUND));
    }

    @Test
    void missingSlaveIsDeviceNotFound() {
        assertThatThrownBy(sensor::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.DEVICE_NOT_FOUND));
    }

    @Test
    void malformedFileIsAnIoError() {
        fx.oneWireSlave(ID, "72 01 4b zz\n");

        assertThatThrownBy(sensor::read)
                .isInstanceOfSatisfying(
                        HalException.class, e -> assertThat(e.kind()).isEqualTo(HalException.Kind.IO_ERROR));
    }

    @Test
    void findListsOnlyDs18b20Slaves() throws HalException {
        fx.oneWireSlave(ID, KERNEL_SAMPLE);
        fx.oneWireSlave(OneWireId.of("10-000802b4c9a1"), KERNEL_SAMPLE); // a DS18S20

        assertThat(bus.devices()).hasSize(2);
        assertThat(Ds18b20.find(bus)).containsExactly(ID);
    }
}
