package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.EdgeEvent;
import io.github.xmppiot.hal.EdgeListener;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;
import io.github.xmppiot.hal.OneWireBus;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import io.github.xmppiot.hal.SpiConfig;
import io.github.xmppiot.hal.SpiDevice;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The mock backend on one {@link MockHal} board; GPIO channels are nested here, bus channels in MockBusChannels. */
final class MockBackend implements HalBackend {

    private final MockHal board;

    MockBackend(MockHal board) {
        this.board = board;
    }

    @Override
    public DigitalInput openDigitalInput(DigitalInputConfig config) {
        MockPin pin = board.pin(config.pin());
        pin.configureInput(config.pull());
        return new Input(pin, board.clock());
    }

    @Override
    public DigitalOutput openDigitalOutput(DigitalOutputConfig config) throws HalException {
        Output out = new Output(board.pin(config.pin()));
        out.write(config.initial());
        return out;
    }

    @Override
    public PwmOutput openPwm(PwmConfig config) {
        MockPin pin = board.pin(config.pin());
        pin.writePwm(config.frequencyHz(), 0);
        return new Pwm(pin, config.frequencyHz());
    }

    @Override
    public AnalogInput openAnalogInput(int channel) {
        MockAnalogInput input = board.analogInput(channel);
        return new Analog(input);
    }

    @Override
    public I2cDevice openI2c(int bus, int address) {
        return new MockBusChannels.I2c(board, bus, address);
    }

    @Override
    public SpiDevice openSpi(SpiConfig config) {
        return new MockBusChannels.Spi(board.spiDevice(config.bus(), config.chipSelect()), config);
    }

    @Override
    public OneWireBus openOneWire() {
        return new MockBusChannels.OneWire(board.oneWire());
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(board) ? Optional.of(type.cast(board)) : HalBackend.super.unwrap(type);
    }

    @Override
    public void close() {
        // the board outlives contexts so tests can inspect it afterwards
    }

    /** Base of the mock channels; the context supplies id and lifecycle checks. */
    abstract static class Channel {
        public String id() {
            return getClass().getSimpleName();
        }

        public boolean isOpen() {
            return true;
        }

        public void close() {
            // nothing to release
        }
    }

    static final class Input extends Channel implements DigitalInput {
        private final MockPin pin;
        private final MockClock clock;
        private final List<EdgeListener> listeners = new CopyOnWriteArrayList<>();
        private final Runnable unlisten;

        Input(MockPin pin, MockClock clock) {
            this.pin = pin;
            this.clock = clock;
            this.unlisten = pin.listen(level -> {
                EdgeEvent event = new EdgeEvent(pin.number(), level, clock.nanoTime());
                listeners.forEach(l -> l.onEdge(event));
            });
        }

        @Override
        public int pin() {
            return pin.number();
        }

        @Override
        public DigitalLevel read() throws HalException {
            pin.faults().check("read");
            return pin.level();
        }

        @Override
        public Cancellable onEdge(EdgeListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void close() {
            unlisten.run();
        }
    }

    static final class Output extends Channel implements DigitalOutput {
        private final MockPin pin;
        private volatile DigitalLevel level;

        Output(MockPin pin) {
            this.pin = pin;
        }

        @Override
        public int pin() {
            return pin.number();
        }

        @Override
        public void write(DigitalLevel newLevel) throws HalException {
            pin.faults().check("write");
            pin.writeOutput(newLevel);
            level = newLevel;
        }

        @Override
        public DigitalLevel level() {
            return level;
        }
    }

    static final class Pwm extends Channel implements PwmOutput {
        private final MockPin pin;
        private volatile int frequency;
        private volatile double dutyCycle;

        Pwm(MockPin pin, int frequency) {
            this.pin = pin;
            this.frequency = frequency;
        }

        @Override
        public int pin() {
            return pin.number();
        }

        @Override
        public void set(int frequencyHz, double dutyCyclePercent) throws HalException {
            PwmOutput.checkArguments(frequencyHz, dutyCyclePercent);
            pin.faults().check("pwm");
            pin.writePwm(frequencyHz, dutyCyclePercent);
            frequency = frequencyHz;
            dutyCycle = dutyCyclePercent;
        }

        @Override
        public int frequency() {
            return frequency;
        }

        @Override
        public double dutyCycle() {
            return dutyCycle;
        }
    }

    static final class Analog extends Channel implements AnalogInput {
        private final MockAnalogInput input;

        Analog(MockAnalogInput input) {
            this.input = input;
        }

        @Override
        public int channel() {
            return input.channel();
        }

        @Override
        public int read() throws HalException {
            return input.sample();
        }
    }
}
