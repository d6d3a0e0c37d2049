package io.github.xmppiot.hal;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a digital input.
 *
 * @param pin      the pin number (BCM numbering on a Raspberry Pi), 0 or more
 * @param pull     the bias resistor
 * @param debounce how long the raw signal must stay at a new level before the change is reported; zero disables
 *                 debouncing
 * @since 0.1.0
 */
public record DigitalInputConfig(int pin, PullResistance pull, Duration debounce) {

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if {@code pin} or {@code debounce} is negative
     * @throws NullPointerException     if {@code pull} or {@code debounce} is null
     */
    public DigitalInputConfig {
        if (pin < 0) {
            throw new IllegalArgumentException("pin must be >= 0: " + pin);
        }
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(debounce, "debounce");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative: " + debounce);
        }
    }

    /**
     * An input without bias resistor and without debouncing.
     *
     * @param pin the pin number
     * @return the configuration
     */
    public static DigitalInputConfig of(int pin) {
        return new DigitalInputConfig(pin, PullResistance.NONE, Duration.ZERO);
    }

    /**
     * A copy with another bias resistor.
     *
     * @param newPull the bias resistor
     * @return the new configuration
     */
    public DigitalInputConfig withPull(PullResistance newPull) {
        return new DigitalInputConfig(pin, newPull, debounce);
    }

    /**
     * A copy with another debounce period.
     *
     * @param newDebounce the debounce period; zero disables debouncing
     * @return the new configuration
     */
    public DigitalInputConfig withDebounce(Duration newDebounce) {
        return new DigitalInputConfig(pin, pull, newDebounce);
    }
}
