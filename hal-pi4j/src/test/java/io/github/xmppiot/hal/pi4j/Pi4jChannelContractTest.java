package io.github.xmppiot.hal.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.plugin.mock.provider.gpio.analog.MockAnalogInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.PullResistance;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.mock.MockClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pi4J channel adapters on their own (not through the HAL's wrappers): accessors, argument checks and the
 * configuration options, over Pi4J's mock plugin.
 */
class Pi4jChannelContractTest {

    @TempDir
    Path oneWireRoot;

    private HalBackend backend;

    private HalBackend open(String key, String value) throws HalException {
        backend = new Pi4jHalProvider()
                .open(Pi4jHalFixture.configBuilder(new MockClock(), oneWireRoot)
                        .option(key, value)
                        .build());
        return backend;
    }

    private HalBackend open() throws HalException {
        return open(Pi4jOptions.ONEWIRE_PATH, oneWireRoot.toString());
    }

    private Context pi4j() {
        return backend.unwrap(Context.class).orElseThrow();
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void ioIdsNameKindAndAddressesAndKeepASecondPartOfZero() {
        assertThat(Pi4jBackend.ioId("din", 17, -1)).isEqualTo("xmppiot-din-17");
        assertThat(Pi4jBackend.ioId("i2c", 1, 0)).isEqualTo("xmppiot-i2c-1-0");
        assertThat(Pi4jBackend.ioId("i2c", 1, 118)).isEqualTo("xmppiot-i2c-1-118");
    }

    @Test
    void digitalInputReportsItsPinIdAndBothLevels() throws HalException {
        DigitalInput in = open().openDigitalInput(new DigitalInputConfig(23, PullResistance.NONE, Duration.ZERO));
        MockDigitalInput mock = pi4j().registry().get("xmppiot-din-23", MockDigitalInput.class);
        assertThat(in.pin()).isEqualTo(23);
        assertThat(in.id()).isEqualTo("xmppiot-din-23");
        mock.mockState(DigitalState.HIGH);
        assertThat(in.read()).isEqualTo(DigitalLevel.HIGH);
        mock.mockState(DigitalState.LOW);
        assertThat(in.read()).isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void aChannelIsOpenUntilClosed() throws HalException {
        DigitalOutput out = open().openDigitalOutput(DigitalOutputConfig.of(6));
        assertThat(out.pin()).isEqualTo(6);
        assertThat(out.isOpen()).isTrue();
        out.close();
        assertThat(out.isOpen()).isFalse();
    }

    @Test
    void pwmRemembersWhatWasSetAndAZeroDutyCycleSwitchesItOff() throws HalException {
        PwmOutput pwm = open().openPwm(new PwmConfig(12, 500));
        MockPwm mock = pi4j().registry().get("xmppiot-pwm-12", MockPwm.class);
        assertThat(pwm.pin()).isEqualTo(12);

        pwm.set(800, 25.5);
        assertThat(pwm.frequency()).isEqualTo(800);
        assertThat(pwm.dutyCycle()).isEqualTo(25.5);
        assertThat(mock.isOn()).isTrue();

        pwm.set(900, 0.0);
        assertThat(mock.isOn()).isFalse();
        assertThat(mock.frequency()).isEqualTo(900);
        assertThat(pwm.frequency()).isEqualTo(900);
        assertThat(pwm.dutyCycle()).isZero();
    }

    @Test
    void pwmRejectsAFrequencyOfZeroBeforeTouchingPi4j() throws HalException {
        PwmOutput pwm = open().openPwm(new PwmConfig(13, 500));
        assertThatThrownBy(() -> pwm.set(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frequency");
        assertThatThrownBy(() -> pwm.set(100, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(pwm.frequency()).isEqualTo(500);
    }

    @Test
    void thePwmTypeOptionReachesPi4j() throws HalException {
        open(Pi4jOptions.PWM_TYPE, " Hardware ").openPwm(new PwmConfig(18, 1000));
        assertThat(pi4j().registry().get("xmppiot-pwm-18", MockPwm.class).pwmType())
                .isEqualTo(PwmType.HARDWARE);
    }

    @Test
    void aBlankProviderOptionMeansPi4jsDefaultNotAProviderNamedBlank() throws HalException {
        DigitalOutput out =
                open(Pi4jOptions.DIGITAL_OUTPUT_PROVIDER, "  ").openDigitalOutput(DigitalOutputConfig.of(7));
        assertThat(out.isOpen()).isTrue();
    }

    @Test
    void analogInputReportsItsChannelAndValue() throws HalException {
        AnalogInput in = open().openAnalogInput(3);
        pi4j().registry().get("xmppiot-ain-3", MockAnalogInput.class).mockValue(517);
        assertThat(in.channel()).isEqualTo(3);
        assertThat(in.read()).isEqualTo(517);
    }

    @Test
    void spiDeviceKeepsItsConfiguration() throws HalException {
        SpiConfig config = new SpiConfig(0, 1, 0, 1_000_000);
        assertThat(open().openSpi(config).config()).isEqualTo(config);
    }

    @Test
    void i2cDeviceReportsBusAndAddress() throws HalException {
        I2cDevice dev = open().openI2c(1, 0x76);
        assertThat(dev.bus()).isEqualTo(1);
        assertThat(dev.address()).isEqualTo(0x76);
    }

    @Test
    void i2cRejectsRegistersValuesAndLengthsOutOfRange() throws HalException {
        I2cDevice dev = open().openI2c(1, 0x40);
        assertThatThrownBy(() -> dev.writeRegister(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register");
        assertThatThrownBy(() -> dev.writeRegister(0x10, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> dev.writeRegister(0x10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dev.readRegisters(256, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register");
        assertThatThrownBy(() -> dev.readRegisters(0x10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> dev.writeRegisters(-1, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register");
        assertThatThrownBy(() -> dev.read(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length");
    }

    @Test
    void i2cAcceptsTheEdgesOfTheByteRange() throws HalException {
        I2cDevice dev = open().openI2c(1, 0x41);
        dev.writeRegister(0x20, 0);
        dev.writeRegister(0x20, 0xFF);
        assertThat(dev.readRegisters(0x20, 2)).containsExactly(0, (byte) 0xFF);
        dev.writeRegisters(0x21, new byte[] {5, 6});
        assertThat(dev.readRegisters(0x21, 2)).containsExactly(5, 6);
        dev.write();
        dev.write((byte) 9);
        assertThat(dev.read(1)).containsExactly(9);
    }

    @Test
    void aShortI2cReadIsAnIoErrorNamingBusAndAddress() throws HalException {
        I2cDevice dev = open().openI2c(1, 0x42);
        dev.write((byte) 1);
        assertThatThrownBy(() -> dev.read(3))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("I2C bus 1 address 0x42")
                .hasMessageContaining("1 of 3");
    }

    @Test
    void oneWireBusNamesItsRootStaysOpenAndRefusesPathsAsFileNames() throws Exception {
        OneWireId id = OneWireId.of("28-00000a1b2c3d");
        Files.createDirectories(oneWireRoot.resolve(id.value()));
        Files.writeString(oneWireRoot.resolve(id.value()).resolve("w1_slave"), "x");
        OneWireBus bus = open().openOneWire();
        assertThat(bus.id()).isEqualTo("onewire:" + oneWireRoot);
        assertThat(bus.isOpen()).isTrue();
        assertThatThrownBy(() -> bus.readFile(id, "../w1_slave")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.writeFile(id, "../w1_slave", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bus.readFile(id, "w1_slave")).containsExactly('x');
    }
}
