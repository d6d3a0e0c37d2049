package io.github.xmppiot.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.Hal;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.mock.MockClock;
import io.github.xmppiot.hal.testing.HalFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link HalFixture} on the Pi4J backend over Pi4J's mock plugin ({@code mock-*} providers), with a temporary
 * directory standing in for {@code /sys/bus/w1/devices}.
 *
 * <p>Pi4J's {@link MockI2C} keeps one FIFO per register and one raw FIFO that both reads and writes use; register
 * writes are appended to the register's FIFO. So "bytes written" are what is left in a FIFO after the driver ran, and
 * priming raw reads first moves bytes the driver wrote earlier into a write log.
 */
public final class Pi4jHalFixture implements HalFixture {

    private final MockClock clock = new MockClock();
    private final Path oneWireRoot;
    private final HalContext hal;
    private final Context pi4j;
    private final Map<String, List<Integer>> rawWrites = new HashMap<>();

    public Pi4jHalFixture() {
        try {
            oneWireRoot = Files.createTempDirectory("w1-devices");
            hal = Hal.open(configBuilder(clock, oneWireRoot).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HalException e) {
            throw new IllegalStateException(e);
        }
        pi4j = hal.unwrap(Context.class).orElseThrow();
    }

    /** A configuration selecting every Pi4J mock provider explicitly. */
    static HalConfig.Builder configBuilder(MockClock clock, Path oneWireRoot) {
        return HalConfig.builder()
                .backend("pi4j")
                .clock(clock)
                .option(Pi4jOptions.DIGITAL_INPUT_PROVIDER, "mock-digital-input")
                .option(Pi4jOptions.DIGITAL_OUTPUT_PROVIDER, "mock-digital-output")
                .option(Pi4jOptions.PWM_PROVIDER, "mock-pwm")
                .option(Pi4jOptions.ANALOG_INPUT_PROVIDER, "mock-analog-input")
                .option(Pi4jOptions.I2C_PROVIDER, "mock-i2c")
                .option(Pi4jOptions.SPI_PROVIDER, "mock-spi")
                .option(Pi4jOptions.ONEWIRE_PATH, oneWireRoot.toString());
    }

    /** The Pi4J context behind the HAL. */
    public Context pi4j() {
        return pi4j;
    }

    /** The Pi4J mock I2C instance of a channel the driver has opened. */
    public MockI2C mockI2c(int bus, int address) {
        String id = Pi4jBackend.ioId("i2c", bus, address);
        if (!pi4j.registry().exists(id)) {
            throw new IllegalStateException("open the I2C channel before priming it: Pi4J creates its MockI2C then");
        }
        return pi4j.registry().get(id, MockI2C.class);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static List<Integer> drain(byte[] buffer, int count) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(buffer[i] & 0xFF);
        }
        return out;
    }

    @Override
    public HalContext hal() {
        return hal;
    }

    @Override
    public MockClock clock() {
        return clock;
    }

    @Override
    public void i2cRegisters(int bus, int address, int register, int... values) {
        mockI2c(bus, address).writeRegister(register, bytes(values), 0, values.length);
    }

    @Override
    public void i2cRegisterSequence(int bus, int address, int register, int... values) {
        i2cRegisters(bus, address, register, values);
    }

    @Override
    public void i2cRawRead(int bus, int address, int... values) {
        List<Integer> log = rawWrites.computeIfAbsent(bus + "/" + address, k -> new ArrayList<>());
        log.addAll(drainRaw(mockI2c(bus, address)));
        mockI2c(bus, address).write(bytes(values), 0, values.length);
    }

    private static List<Integer> drainRaw(MockI2C mock) {
        byte[] buffer = new byte[512];
        return drain(buffer, Math.max(0, mock.read(buffer, 0, buffer.length)));
    }

    @Override
    public List<Integer> i2cRegisterWrites(int bus, int address, int register) {
        byte[] buffer = new byte[512];
        return drain(buffer, Math.max(0, mockI2c(bus, address).readRegister(register, buffer, 0, buffer.length)));
    }

    @Override
    public List<Integer> i2cRawWrites(int bus, int address) {
        List<Integer> log = rawWrites.computeIfAbsent(bus + "/" + address, k -> new ArrayList<>());
        log.addAll(drainRaw(mockI2c(bus, address)));
        return List.copyOf(log);
    }

    @Override
    public void drive(int pin, DigitalLevel level) {
        pi4j.registry()
                .get(Pi4jBackend.ioId("din", pin, -1), MockDigitalInput.class)
                .mockState(DigitalState.getState(level.isHigh()));
    }

    @Override
    public DigitalLevel outputLevel(int pin) {
        DigitalState s = pi4j.registry()
                .get(Pi4jBackend.ioId("dout", pin, -1), MockDigitalOutput.class)
                .state();
        return DigitalLevel.of(s == DigitalState.HIGH);
    }

    private MockPwm pwm(int pin) {
        return pi4j.registry().get(Pi4jBackend.ioId("pwm", pin, -1), MockPwm.class);
    }

    @Override
    public double pwmDutyCycle(int pin) {
        MockPwm pwm = pwm(pin);
        return pwm.isOn() ? pwm.dutyCycle() : 0.0;
    }

    @Override
    public int pwmFrequency(int pin) {
        return pwm(pin).frequency();
    }

    @Override
    public void oneWireSlave(OneWireId id, String w1Slave) {
        try {
            Path dir = Files.createDirectories(oneWireRoot.resolve(id.value()));
            Files.writeString(dir.resolve("w1_slave"), w1Slave, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory standing in for /sys/bus/w1/devices. */
    public Path oneWireRoot() {
        return oneWireRoot;
    }

    @Override
    public void close() {
        hal.close();
        try (Stream<Path> paths = Files.walk(oneWireRoot)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
