package io.github.xmppiot.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.analog.AnalogInputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalInputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalOutputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2CConfigBuilder;
import com.pi4j.io.pwm.PwmConfigBuilder;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.io.spi.SpiConfigBuilder;
import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalClock;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HAL on one Pi4J context. Pi4J I/O instances get predictable ids ({@link #ioId(String, int, int)}), so tests can
 * reach Pi4J's mock instances through the registry. Debouncing is left to the HAL context: Pi4J's own digital-input
 * debounce is set to 0.
 */
final class Pi4jBackend implements HalBackend {

    private final Context pi4j;
    private final Pi4jOptions options;
    private final HalClock clock;

    Pi4jBackend(Context pi4j, Pi4jOptions options, HalClock clock) {
        this.pi4j = pi4j;
        this.options = options;
        this.clock = clock;
    }

    /** The Pi4J I/O id used for a channel, e.g. {@code xmppiot-i2c-1-118}; {@code b} is -1 for one-part keys. */
    static String ioId(String kind, int a, int b) {
        return "xmppiot-" + kind + "-" + a + (b >= 0 ? "-" + b : "");
    }

    private <T extends IO<?, ?, ?>> T create(String what, Supplier<T> creator) throws HalException {
        try {
            return creator.get();
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("opening " + what, e);
        }
    }

    @Override
    public DigitalInput openDigitalInput(DigitalInputConfig config) throws HalException {
        String id = ioId("din", config.pin(), -1);
        DigitalInputConfigBuilder b = com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .address(config.pin())
                .debounce(0L)
                .pull(com.pi4j.io.gpio.digital.PullResistance.valueOf(
                        config.pull() == io.github.xmppiot.hal.PullResistance.NONE
                                ? "OFF"
                                : config.pull().name()));
        options.provider(Pi4jOptions.DIGITAL_INPUT_PROVIDER).ifPresent(b::provider);
        return new Pi4jGpio.Input(pi4j, create(id, () -> pi4j.create(b.build())), clock);
    }

    @Override
    public DigitalOutput openDigitalOutput(DigitalOutputConfig config) throws HalException {
        String id = ioId("dout", config.pin(), -1);
        DigitalOutputConfigBuilder b = com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .address(config.pin())
                .initial(DigitalState.getState(config.initial().isHigh()));
        options.provider(Pi4jOptions.DIGITAL_OUTPUT_PROVIDER).ifPresent(b::provider);
        return new Pi4jGpio.Output(pi4j, create(id, () -> pi4j.create(b.build())), config.initial());
    }

    @Override
    public PwmOutput openPwm(PwmConfig config) throws HalException {
        String id = ioId("pwm", config.pin(), -1);
        PwmConfigBuilder b = com.pi4j.io.pwm.Pwm.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .address(config.pin())
                .frequency(config.frequencyHz())
                .initial(0);
        options.provider(Pi4jOptions.PWM_PROVIDER).ifPresent(b::provider);
        Optional<String> type = options.pwmType();
        if (type.isPresent()) {
            b.pwmType(PwmType.valueOf(type.get().trim().toUpperCase(Locale.ROOT)));
        }
        return new Pi4jGpio.Pwm(pi4j, create(id, () -> pi4j.create(b.build())), config.frequencyHz());
    }

    @Override
    public AnalogInput openAnalogInput(int channel) throws HalException {
        String id = ioId("ain", channel, -1);
        AnalogInputConfigBuilder b = com.pi4j.io.gpio.analog.AnalogInput.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .address(channel);
        options.provider(Pi4jOptions.ANALOG_INPUT_PROVIDER).ifPresent(b::provider);
        return new Pi4jGpio.Analog(pi4j, create(id, () -> pi4j.create(b.build())), channel);
    }

    @Override
    public I2cDevice openI2c(int bus, int address) throws HalException {
        String id = ioId("i2c", bus, address);
        I2CConfigBuilder b = com.pi4j
                .io
                .i2c
                .I2C
                .newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .bus(bus)
                .device(address);
        options.provider(Pi4jOptions.I2C_PROVIDER).ifPresent(b::provider);
        return new Pi4jI2cDevice(pi4j, create(id, () -> pi4j.create(b.build())), bus, address);
    }

    @Override
    public SpiDevice openSpi(SpiConfig config) throws HalException {
        String id = ioId("spi", config.bus(), config.chipSelect());
        SpiConfigBuilder b = com.pi4j.io.spi.Spi.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .bus(config.bus())
                .channel(config.chipSelect())
                .mode(config.mode())
                .baud(config.clockHz());
        options.provider(Pi4jOptions.SPI_PROVIDER).ifPresent(b::provider);
        return new Pi4jSpiDevice(pi4j, create(id, () -> pi4j.create(b.build())), config);
    }

    @Override
    public OneWireBus openOneWire() throws HalException {
        Path root = options.oneWirePath();
        if (!Files.isDirectory(root)) {
            throw new HalException(
                    HalException.Kind.UNSUPPORTED,
                    "no 1-Wire bus at " + root + " (enable dtoverlay=w1-gpio in /boot/firmware/config.txt)");
        }
        return new SysfsOneWireBus(root);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(pi4j) ? Optional.of(type.cast(pi4j)) : HalBackend.super.unwrap(type);
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
