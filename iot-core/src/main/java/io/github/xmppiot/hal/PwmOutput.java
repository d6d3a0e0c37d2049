package io.github.xmppiot.hal;

/**
 * A pulse-width-modulated output.
 *
 * @since 0.1.0
 */
public interface PwmOutput extends HalChannel {

    /**
     * The pin number.
     *
     * @return the pin (BCM numbering on a Raspberry Pi)
     */
    int pin();

    /**
     * Sets frequency and duty cycle. A duty cycle of 0 switches the output off.
     *
     * @param frequencyHz      the frequency in hertz, 1 or more
     * @param dutyCyclePercent the duty cycle in percent, 0 to 100
     * @throws HalException             if the backend cannot apply the setting
     * @throws IllegalArgumentException if a value is out of range
     */
    void set(int frequencyHz, double dutyCyclePercent) throws HalException;

    /**
     * The frequency last set.
     *
     * @return the frequency in hertz
     */
    int frequency();

    /**
     * The duty cycle last set.
     *
     * @return the duty cycle in percent, 0 to 100
     */
    double dutyCycle();

    /**
     * Checks the arguments of {@link #set(int, double)}; for implementations.
     *
     * @param frequencyHz      the frequency in hertz
     * @param dutyCyclePercent the duty cycle in percent
     * @throws IllegalArgumentException if a value is out of range
     */
    static void checkArguments(int frequencyHz, double dutyCyclePercent) {
        if (frequencyHz <= 0) {
            throw new IllegalArgumentException("frequency must be > 0 Hz: " + frequencyHz);
        }
        if (!(dutyCyclePercent >= 0 && dutyCyclePercent <= 100)) {
            throw new IllegalArgumentException("duty cycle must be within 0..100 %: " + dutyCyclePercent);
        }
    }
}
