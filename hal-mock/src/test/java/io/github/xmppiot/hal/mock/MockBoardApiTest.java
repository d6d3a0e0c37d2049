package io.github.xmppiot.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.PullResistance;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mock board's own API (fluent setters, accessors, bounded histories) and its channels opened straight from the
 * backend, without the HAL context's wrappers in front of their argument checks.
 */
class MockBoardApiTest {

    private final MockHal board = MockHal.create();

    private HalBackend backend() throws HalException {
        return board.provider()
                .open(HalConfig.builder()
                        .backend(MockHal.ID)
                        .clock(board.clock())
                        .build());
    }

    @Test
    void fluentSettersReturnWhatTheyWereCalledOn() {
        MockAnalogInput adc = board.analogInput(3);
        assertThat(adc.script(1, 2)).isSameAs(adc);
        assertThat(adc.channel()).isEqualTo(3);
        MockI2cDevice chip = board.i2cDevice(1, 0x40);
        assertThat(chip.queueRawRead(1)).isSameAs(chip);
        assertThat(chip.disconnect()).isSameAs(chip);
        assertThat(chip.connect()).isSameAs(chip);
        assertThat(chip.registers().put(0, new byte[] {1})).isSameAs(chip.registers());
        assertThat(chip.registers().script(0, 1)).isSameAs(chip.registers());
        assertThat(chip.faults().failAlways(HalException.Kind.IO_ERROR)).isSameAs(chip.faults());
        assertThat(chip.faults().clear()).isSameAs(chip.faults());
        assertThat(board.removeI2cDevice(1, 0x40)).isSameAs(board);
        OneWireId id = OneWireId.of("28-00000a1b2c3d");
        MockOneWireDevice probe = board.oneWire().device(id);
        assertThat(probe.disconnect()).isSameAs(probe);
        assertThat(probe.connect()).isSameAs(probe);
        assertThat(board.oneWire().remove(id)).isSameAs(board.oneWire());
        assertThat(board.spiDevice(0, 1).faults()).isNotNull();
    }

    @Test
    void devicesAreKeptPerBusAndAddress() {
        MockI2cDevice a = board.i2cDevice(1, 0x40);
        assertThat(a.bus()).isEqualTo(1);
        assertThat(a.address()).isEqualTo(0x40);
        assertThat(board.i2cDevice(1, 0x40)).isSameAs(a);
        assertThat(board.i2cDevice(2, 0x40)).isNotSameAs(a);
        assertThat(board.i2cDevice(1, 0x41)).isNotSameAs(a);
        assertThat(board.i2cDevice(0, 0x40)).isNotSameAs(a);
        assertThat(board.findI2cDevice(3, 0x40)).isEmpty();
        MockSpiDevice spi = board.spiDevice(2, 1);
        assertThat(spi.bus()).isEqualTo(2);
        assertThat(spi.chipSelect()).isEqualTo(1);
        assertThatThrownBy(() -> board.i2cDevice(1, 0x80)).isInstanceOf(IllegalArgumentException.class);
        assertThat(board.pin(0).number()).isZero();
        assertThatThrownBy(() -> board.pin(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsCountAndClear() {
        MockFaults faults = board.pin(4).faults();
        faults.failNext(2, HalException.Kind.IO_ERROR);
        assertThat(faults.pending()).isEqualTo(2);
        faults.clear();
        assertThat(faults.pending()).isZero();
    }

    @Test
    void consecutiveRegistersWrapAfter255AndKeepUnsignedBytes() {
        MockRegisters regs = board.i2cDevice(1, 0x50).registers();
        regs.put(0xFF, new byte[] {(byte) 0xF0, 2});
        assertThat(regs.get(0xFF)).isEqualTo(0xF0);
        assertThat(regs.get(0)).isEqualTo(2);
        assertThatThrownBy(() -> regs.put(256, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteIsRawOnlyWithoutRegister() {
        assertThat(new MockI2cDevice.Write(0, List.of(1)).raw()).isFalse();
        assertThat(new MockI2cDevice.Write(-1, List.of(1)).raw()).isTrue();
    }

    @Test
    void historiesKeepTheNewestEntriesAndCountTheDropped() {
        History<Integer> history = new History<>();
        assertThat(history.isEmpty()).isTrue();
        for (int i = 0; i < MockHal.HISTORY_LIMIT + 2; i++) {
            history.add(i);
        }
        assertThat(history.isEmpty()).isFalse();
        assertThat(history.dropped()).isEqualTo(2);
        assertThat(history.list()).hasSize(MockHal.HISTORY_LIMIT).first().isEqualTo(2);
        assertThat(history.last()).isEqualTo(MockHal.HISTORY_LIMIT + 1);
    }

    @Test
    void backendChannelsReportWhereTheyAre() throws HalException {
        HalBackend backend = backend();
        DigitalInput in = backend.openDigitalInput(new DigitalInputConfig(5, PullResistance.NONE, Duration.ZERO));
        assertThat(in.pin()).isEqualTo(5);
        assertThat(in.isOpen()).isTrue();
        assertThat(in.id()).isNotEmpty();
        assertThat(backend.openDigitalOutput(DigitalOutputConfig.of(6)).pin()).isEqualTo(6);
        assertThat(backend.openPwm(new PwmConfig(7, 100)).pin()).isEqualTo(7);
        AnalogInput adc = backend.openAnalogInput(2);
        assertThat(adc.channel()).isEqualTo(2);
        I2cDevice chip = backend.openI2c(1, 0x33);
        assertThat(chip.address()).isEqualTo(0x33);
    }

    @Test
    void backendChannelsCheckTheirArgumentsThemselves() throws HalException {
        HalBackend backend = backend();
        I2cDevice chip = backend.openI2c(1, 0x34);
        assertThatThrownBy(() -> chip.writeRegister(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.readRegisters(256, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.readRegisters(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.writeRegisters(-1, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.read(0)).isInstanceOf(IllegalArgumentException.class);
        board.i2cDevice(1, 0x34).queueRawRead(7);
        assertThat(chip.read(1)).containsExactly(7);
        OneWireBus bus = backend.openOneWire();
        OneWireId id = OneWireId.of("28-00000a1b2c3e");
        board.oneWire().device(id).file("w1_slave", "x");
        assertThatThrownBy(() -> bus.writeFile(id, "../w1_slave", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsAndAbsenceReachBackendChannels() throws HalException {
        HalBackend backend = backend();
        DigitalInput in = backend.openDigitalInput(new DigitalInputConfig(8, PullResistance.NONE, Duration.ZERO));
        board.pin(8).faults().failNext(HalException.Kind.IO_ERROR);
        assertThatThrownBy(in::read).isInstanceOf(HalException.class);
        PwmOutput pwm = backend.openPwm(new PwmConfig(9, 100));
        board.pin(9).faults().failNext(HalException.Kind.IO_ERROR);
        assertThatThrownBy(() -> pwm.set(100, 50)).isInstanceOf(HalException.class);
        SpiDevice spi = backend.openSpi(new SpiConfig(0, 0, 0, 1_000_000));
        board.spiDevice(0, 0).faults().failNext(HalException.Kind.IO_ERROR);
        assertThatThrownBy(() -> spi.transfer(new byte[] {1})).isInstanceOf(HalException.class);
        I2cDevice chip = backend.openI2c(1, 0x35);
        board.i2cDevice(1, 0x35).queueRawRead(1).disconnect();
        assertThatThrownBy(() -> chip.read(1)).isInstanceOf(HalException.class);
        assertThatThrownBy(() -> chip.write((byte) 1)).isInstanceOf(HalException.class);
        OneWireId id = OneWireId.of("28-00000a1b2c3f");
        board.oneWire().device(id).file("w1_slave", "x").disconnect();
        assertThatThrownBy(() -> backend.openOneWire().writeFile(id, "w1_slave", new byte[] {1}))
                .isInstanceOf(HalException.class);
    }
}
