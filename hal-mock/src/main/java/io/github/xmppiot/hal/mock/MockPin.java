package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.PullResistance;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A simulated GPIO pin. Tests {@linkplain #drive(DigitalLevel) drive} it to simulate an external signal on an input
 * (each change is a raw edge for an open input channel) and observe what an output or PWM channel did to it.
 *
 * <p>An input that is not driven reads the level of its bias: high with {@link PullResistance#PULL_UP}, low
 * otherwise.
 *
 * @since 0.1.0
 */
public final class MockPin {

    /** A PWM setting applied to the pin. */
    public record PwmSetting(int frequencyHz, double dutyCyclePercent) {}

    private final int number;
    private final MockFaults faults;
    private final List<Consumer<DigitalLevel>> inputListeners = new CopyOnWriteArrayList<>();
    private final History<DigitalLevel> outputHistory = new History<>();
    private final History<PwmSetting> pwmHistory = new History<>();
    private PullResistance pull;
    private DigitalLevel driven;
    private DigitalLevel output;

    MockPin(int number) {
        this.number = number;
        this.faults = new MockFaults("gpio " + number);
    }

    /**
     * The pin number.
     *
     * @return the pin
     */
    public int number() {
        return number;
    }

    /**
     * Simulates an external signal; an open input channel sees a raw edge if the level changes.
     *
     * @param level the level the outside world drives
     * @return this pin
     */
    public MockPin drive(DigitalLevel level) {
        DigitalLevel before;
        DigitalLevel after;
        synchronized (this) {
            before = level();
            driven = level;
            after = level();
        }
        if (before != after) {
            inputListeners.forEach(l -> l.accept(after));
        }
        return this;
    }

    /**
     * The level on the pin: the output level if an output drove it, else the externally driven level, else the bias.
     *
     * @return the level
     */
    public synchronized DigitalLevel level() {
        if (output != null) {
            return output;
        }
        if (driven != null) {
            return driven;
        }
        return pull == PullResistance.PULL_UP ? DigitalLevel.HIGH : DigitalLevel.LOW;
    }

    /**
     * The bias configured by the last input channel opened on this pin.
     *
     * @return the bias, or empty if the pin was never opened as input
     */
    public synchronized Optional<PullResistance> pull() {
        return Optional.ofNullable(pull);
    }

    /**
     * Levels written by output channels, in order, including the initial level: the most recent {@value MockHal#HISTORY_LIMIT}.
     *
     * @return a copy of the history
     */
    public synchronized List<DigitalLevel> outputHistory() {
        return outputHistory.list();
    }

    /**
     * The current PWM setting.
     *
     * @return the last setting, or empty if no PWM channel was opened on this pin
     */
    public synchronized Optional<PwmSetting> pwm() {
        return Optional.ofNullable(pwmHistory.last());
    }

    /**
     * PWM settings applied, in order, starting with the initial (off) setting: the most recent {@value MockHal#HISTORY_LIMIT}.
     *
     * @return a copy of the history
     */
    public synchronized List<PwmSetting> pwmHistory() {
        return pwmHistory.list();
    }

    /**
     * Injected failures of this pin's reads and writes.
     *
     * @return the fault injector
     */
    public MockFaults faults() {
        return faults;
    }

    synchronized void configureInput(PullResistance newPull) {
        this.pull = newPull;
        this.output = null;
    }

    Runnable listen(Consumer<DigitalLevel> listener) {
        inputListeners.add(listener);
        return () -> inputListeners.remove(listener);
    }

    synchronized void writeOutput(DigitalLevel level) {
        output = level;
        outputHistory.add(level);
    }

    synchronized void writePwm(int frequencyHz, double dutyCycle) {
        pwmHistory.add(new PwmSetting(frequencyHz, dutyCycle));
    }
}
