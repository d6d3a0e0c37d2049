package io.github.xmppiot.hal;

import java.util.Objects;

/**
 * Configuration of a digital output.
 *
 * @param pin     the pin number (BCM numbering on a Raspberry Pi), 0 or more
 * @param initial the level driven as soon as the channel is open
 * @since 0.1.0
 */
public record DigitalOutputConfig(int pin, DigitalLevel initial) {

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if {@code pin} is negative
     * @throws NullPointerException     if {@code initial} is null
     */
    public DigitalOutputConfig {
        if (pin < 0) {
            throw new IllegalArgumentException("pin must be >= 0: " + pin);
        }
        Objects.requireNonNull(initial, "initial");
    }

    /**
     * An output that starts low.
     *
     * @param pin the pin number
     * @return the configuration
     */
    public static DigitalOutputConfig of(int pin) {
        return new DigitalOutputConfig(pin, DigitalLevel.LOW);
    }
}
