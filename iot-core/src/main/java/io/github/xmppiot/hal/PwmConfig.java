package io.github.xmppiot.hal;

/**
 * Configuration of a PWM output. The output starts with a duty cycle of 0 % (off).
 *
 * @param pin         the pin number (BCM numbering on a Raspberry Pi), 0 or more
 * @param frequencyHz the initial PWM frequency in hertz, 1 or more
 * @since 0.1.0
 */
public record PwmConfig(int pin, int frequencyHz) {

    /** Frequency used by {@link #of(int)}: 1 kHz, flicker-free for LEDs. */
    public static final int DEFAULT_FREQUENCY_HZ = 1000;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if {@code pin} is negative or {@code frequencyHz} is not positive
     */
    public PwmConfig {
        if (pin < 0) {
            throw new IllegalArgumentException("pin must be >= 0: " + pin);
        }
        if (frequencyHz <= 0) {
            throw new IllegalArgumentException("frequency must be > 0 Hz: " + frequencyHz);
        }
    }

    /**
     * A PWM output at {@value #DEFAULT_FREQUENCY_HZ} Hz.
     *
     * @param pin the pin number
     * @return the configuration
     */
    public static PwmConfig of(int pin) {
        return new PwmConfig(pin, DEFAULT_FREQUENCY_HZ);
    }
}
