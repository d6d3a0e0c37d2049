package io.github.xmppiot.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.HalException.Kind;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MockHalTest {

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

    @Test
    void i2cRegistersAutoIncrementAndScriptsPrecedeStoredValues() throws HalException {
        MockI2cDevice chip = mock.i2cDevice(1, 0x40);
        chip.registers().put(0x10, 1, 2, 3).script(0x11, 0x80, 0x81);
        I2cDevice dev = hal.i2c(1, 0x40);

        assertThat(dev.readRegisters(0x10, 3)).containsExactly(1, 0x80, 3);
        assertThat(dev.readRegister(0x11)).isEqualTo(0x81);
        assertThat(dev.readRegister(0x11)).isEqualTo(2);

        dev.writeRegisters(0xFF, new byte[] {(byte) 0xAA, (byte) 0xBB});
        assertThat(chip.registers().get(0xFF)).isEqualTo(0xAA);
        assertThat(chip.registers().get(0x00)).isEqualTo(0xBB);
        assertThat(chip.writesTo(0x00)).containsExactly(0xBB);
        assertThat(chip.writes()).hasSize(1);
    }

    @Test
    void i2cRawReadsComeFromTheQueueAndShortReadsFail() throws HalException {
        mock.i2cDevice(1, 0x23).queueRawRead(0x12, 0x34, 0x56);
        I2cDevice dev = hal.i2c(1, 0x23);
        dev.write((byte) 0x10);

        assertThat(dev.read(2)).containsExactly(0x12, 0x34);
        assertFails(() -> dev.read(2), Kind.IO_ERROR);
        assertThat(mock.i2cDevice(1, 0x23).rawWrites()).containsExactly(0x10);
    }

    @Test
    void anAbsentOrDisconnectedChipDoesNotAcknowledge() throws HalException {
        I2cDevice dev = hal.i2c(1, 0x76);
        assertFails(() -> dev.readRegister(0xD0), Kind.DEVICE_NOT_FOUND);

        MockI2cDevice chip = mock.i2cDevice(1, 0x76).disconnect();
        assertFails(() -> dev.writeRegister(0xF4, 1), Kind.DEVICE_NOT_FOUND);
        chip.connect();
        dev.writeRegister(0xF4, 1);
        mock.removeI2cDevice(1, 0x76);
        assertFails(() -> dev.readRegister(0xF4), Kind.DEVICE_NOT_FOUND);
    }

    @Test
    void injectedFaultsAreConsumedOnePerOperation() throws HalException {
        MockI2cDevice chip = mock.i2cDevice(1, 0x50);
        chip.faults().failNext(Kind.TIMEOUT).failNext(Kind.IO_ERROR);
        I2cDevice dev = hal.i2c(1, 0x50);

        assertFails(() -> dev.readRegister(0), Kind.TIMEOUT);
        assertFails(() -> dev.readRegister(0), Kind.IO_ERROR);
        assertThat(dev.readRegister(0)).isZero();

        chip.faults().failAlways(Kind.IO_ERROR);
        assertFails(() -> dev.readRegister(0), Kind.IO_ERROR);
        assertFails(() -> dev.readRegister(0), Kind.IO_ERROR);
        chip.faults().clear();
        assertThat(dev.readRegister(0)).isZero();
    }

    @Test
    void historiesKeepOnlyTheMostRecentEntries() throws HalException {
        MockI2cDevice chip = mock.i2cDevice(1, 0x40);
        I2cDevice dev = hal.i2c(1, 0x40);
        DigitalOutput out = hal.digitalOutput(new DigitalOutputConfig(6, DigitalLevel.LOW));
        int n = MockHal.HISTORY_LIMIT * 3;
        for (int i = 0; i < n; i++) {
            dev.writeRegister(0x01, i & 0xFF);
            out.write(i % 2 == 0 ? DigitalLevel.HIGH : DigitalLevel.LOW);
        }
        assertThat(chip.writes()).hasSize(MockHal.HISTORY_LIMIT);
        assertThat(chip.writes().get(MockHal.HISTORY_LIMIT - 1).data()).containsExactly((n - 1) & 0xFF);
        assertThat(chip.writesTo(0x01)).hasSize(MockHal.HISTORY_LIMIT);
        assertThat(mock.pin(6).outputHistory())
                .hasSize(MockHal.HISTORY_LIMIT)
                .last()
                .isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void outputsAndPwmAreObservable() throws HalException {
        DigitalOutput out = hal.digitalOutput(new DigitalOutputConfig(5, DigitalLevel.HIGH));
        out.write(DigitalLevel.LOW);
        PwmOutput pwm = hal.pwm(PwmConfig.of(18));
        pwm.set(500, 25.5);

        assertThat(mock.pin(5).outputHistory()).containsExactly(DigitalLevel.HIGH, DigitalLevel.LOW);
        assertThat(out.level()).isEqualTo(DigitalLevel.LOW);
        assertThat(mock.pin(18).pwmHistory())
                .containsExactly(new MockPin.PwmSetting(1000, 0), new MockPin.PwmSetting(500, 25.5));
        assertThat(pwm.frequency()).isEqualTo(500);
        assertThat(pwm.dutyCycle()).isEqualTo(25.5);

        mock.pin(5).faults().failNext(Kind.IO_ERROR);
        assertFails(() -> out.write(DigitalLevel.HIGH), Kind.IO_ERROR);
        assertThat(mock.pin(5).level()).isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void analogInputsReturnScriptThenValue() throws HalException {
        mock.analogInput(2).set(512).script(1, 2);
        AnalogInput in = hal.analogInput(2);
        assertThat(in.read()).isEqualTo(1);
        assertThat(in.read()).isEqualTo(2);
        assertThat(in.read()).isEqualTo(512);
        mock.analogInput(2).faults().failNext(Kind.TIMEOUT);
        assertFails(in::read, Kind.TIMEOUT);
    }

    @Test
    void spiRespondsFromQueueThenResponderAndRecordsTransfers() throws HalException {
        MockSpiDevice dev = mock.spiDevice(0, 1)
                .queueResponse(new byte[] {9, 8, 7, 6})
                .responder(sent -> new byte[] {(byte) (sent[0] + 1)});
        SpiDevice spi = hal.spi(SpiConfig.of(0, 1));

        assertThat(spi.transfer(new byte[] {1, 2})).containsExactly(9, 8);
        assertThat(spi.transfer(new byte[] {4, 0})).containsExactly(5, 0);
        assertThat(dev.transfers()).containsExactly(new byte[] {1, 2}, new byte[] {4, 0});
        assertThat(spi.config().clockHz()).isEqualTo(SpiConfig.DEFAULT_CLOCK_HZ);
    }

    @Test
    void oneWireSlavesEnumerateServeFilesAndDisappearWhenDisconnected() throws HalException {
        OneWireId id = OneWireId.of("28-0316A2792AFF");
        MockOneWireDevice slave =
                mock.oneWire().device(id).file("w1_slave", "x").script("w1_slave", "first");
        OneWireBus bus = hal.oneWire();

        assertThat(bus.devices()).containsExactly(OneWireId.of("28-0316a2792aff"));
        assertThat(new String(bus.readFile(id, "w1_slave"), StandardCharsets.UTF_8))
                .isEqualTo("first");
        assertThat(new String(bus.readFile(id, "w1_slave"), StandardCharsets.UTF_8))
                .isEqualTo("x");
        bus.writeFile(id, "resolution", "9".getBytes(StandardCharsets.UTF_8));
        assertThat(slave.writes("resolution")).containsExactly("9");
        assertFails(() -> bus.readFile(id, "nosuch"), Kind.IO_ERROR);

        slave.disconnect();
        assertThat(bus.devices()).isEmpty();
        assertFails(() -> bus.readFile(id, "w1_slave"), Kind.DEVICE_NOT_FOUND);
        assertFails(() -> bus.readFile(OneWireId.of("28-000000000000"), "w1_slave"), Kind.DEVICE_NOT_FOUND);
        mock.oneWire().faults().failNext(Kind.IO_ERROR);
        assertFails(bus::devices, Kind.IO_ERROR);
    }
}
