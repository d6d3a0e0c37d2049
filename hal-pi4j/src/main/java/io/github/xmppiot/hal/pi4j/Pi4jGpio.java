package io.github.xmppiot.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import io.github.xmppiot.hal.AnalogInput;
import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.EdgeEvent;
import io.github.xmppiot.hal.EdgeListener;
import io.github.xmppiot.hal.HalClock;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.PwmOutput;

/** GPIO channel adapters of the Pi4J backend. */
final class Pi4jGpio {

    private Pi4jGpio() {}

    static DigitalLevel level(DigitalState state, String what) throws HalException {
        if (state == DigitalState.HIGH) {
            return DigitalLevel.HIGH;
        }
        if (state == DigitalState.LOW) {
            return DigitalLevel.LOW;
        }
        throw new HalException(HalException.Kind.IO_ERROR, what + " is in state " + state);
    }

    static final class Input extends Pi4jChannel implements DigitalInput {
        private final com.pi4j.io.gpio.digital.DigitalInput in;
        private final HalClock clock;

        Input(Context pi4j, com.pi4j.io.gpio.digital.DigitalInput in, HalClock clock) {
            super(pi4j, in);
            this.in = in;
            this.clock = clock;
        }

        @Override
        public int pin() {
            return in.address().intValue();
        }

        @Override
        public DigitalLevel read() throws HalException {
            try {
                return level(in.state(), "digital input " + pin());
            } catch (RuntimeException e) {
                throw Pi4jErrors.map("reading digital input " + pin(), e);
            }
        }

        @Override
        public Cancellable onEdge(EdgeListener listener) {
            DigitalStateChangeListener l = event -> {
                DigitalState s = event.state();
                if (s == DigitalState.HIGH || s == DigitalState.LOW) {
                    listener.onEdge(new EdgeEvent(pin(), DigitalLevel.of(s == DigitalState.HIGH), clock.nanoTime()));
                }
            };
            in.addListener(l);
            return () -> in.removeListener(l);
        }
    }

    static final class Output extends Pi4jChannel implements DigitalOutput {
        private final com.pi4j.io.gpio.digital.DigitalOutput out;
        private volatile DigitalLevel level;

        Output(Context pi4j, com.pi4j.io.gpio.digital.DigitalOutput out, DigitalLevel initial) {
            super(pi4j, out);
            this.out = out;
            this.level = initial;
        }

        @Override
        public int pin() {
            return out.address().intValue();
        }

        @Override
        public void write(DigitalLevel newLevel) throws HalException {
            try {
                out.state(DigitalState.getState(newLevel.isHigh()));
            } catch (RuntimeException e) {
                throw Pi4jErrors.map("writing digital output " + pin(), e);
            }
            level = newLevel;
        }

        @Override
        public DigitalLevel level() {
            return level;
        }
    }

    static final class Pwm extends Pi4jChannel implements PwmOutput {
        private final com.pi4j.io.pwm.Pwm pwm;
        private volatile int frequency;
        private volatile double dutyCycle;

        Pwm(Context pi4j, com.pi4j.io.pwm.Pwm pwm, int frequency) {
            super(pi4j, pwm);
            this.pwm = pwm;
            this.frequency = frequency;
        }

        @Override
        public int pin() {
            return pwm.address();
        }

        @Override
        public void set(int frequencyHz, double dutyCyclePercent) throws HalException {
            PwmOutput.checkArguments(frequencyHz, dutyCyclePercent);
            try {
                if (dutyCyclePercent > 0) {
                    pwm.on(dutyCyclePercent, frequencyHz);
                } else {
                    pwm.frequency(frequencyHz);
                    pwm.off();
                }
            } catch (RuntimeException e) {
                throw Pi4jErrors.map("setting PWM " + pin(), e);
            }
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

    static final class Analog extends Pi4jChannel implements AnalogInput {
        private final com.pi4j.io.gpio.analog.AnalogInput in;
        private final int channel;

        Analog(Context pi4j, com.pi4j.io.gpio.analog.AnalogInput in, int channel) {
            super(pi4j, in);
            this.in = in;
            this.channel = channel;
        }

        @Override
        public int channel() {
            return channel;
        }

        @Override
        public int read() throws HalException {
            try {
                return in.value().intValue();
            } catch (RuntimeException e) {
                throw Pi4jErrors.map("reading analog input " + channel, e);
            }
        }
    }
}
