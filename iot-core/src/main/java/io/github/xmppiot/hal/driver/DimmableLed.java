package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.PwmConfig;
import io.github.xmppiot.hal.PwmOutput;
import java.util.List;
import java.util.Map;

/**
 * An LED dimmed by PWM: brightness 0 to 100 % is the duty cycle. The LED starts off.
 *
 * @since 0.1.0
 */
public final class DimmableLed implements AutoCloseable {

    /** Driver type id. */
    public static final String TYPE = "dimmable-led";

    /** Configuration parameters: {@code pin}, {@code frequencyHz}. */
    public static final DriverInfo INFO = new DriverInfo(
            TYPE,
            "Dimmable LED (PWM)",
            List.of(
                    ParameterSpec.requiredInt("pin", "GPIO pin (BCM numbering; hardware PWM on 12, 13, 18, 19)", 0, 53),
                    ParameterSpec.intRange(
                            "frequencyHz", "PWM frequency in hertz", PwmConfig.DEFAULT_FREQUENCY_HZ, 1, 100_000)));

    /**
     * Configuration.
     *
     * @param pin         the GPIO pin
     * @param frequencyHz the PWM frequency in hertz
     */
    public record Config(int pin, int frequencyHz) {

        /**
         * Validates the configuration against {@link DimmableLed#INFO}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            INFO.parameter("pin").orElseThrow().validate(pin);
            INFO.parameter("frequencyHz").orElseThrow().validate(frequencyHz);
        }

        /**
         * Builds a configuration from textual parameters, applying defaults.
         *
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Map<String, String> values) {
            Map<String, Object> v = INFO.resolve(values);
            return new Config((Integer) v.get("pin"), (Integer) v.get("frequencyHz"));
        }
    }

    private final PwmOutput pwm;
    private final int frequencyHz;
    private int brightness;

    private DimmableLed(PwmOutput pwm, int frequencyHz) {
        this.pwm = pwm;
        this.frequencyHz = frequencyHz;
    }

    /**
     * Opens the PWM output, off, and creates the driver.
     *
     * @param hal    the open context
     * @param config the configuration
     * @return the driver
     * @throws HalException if the pin cannot be configured
     */
    public static DimmableLed open(HalContext hal, Config config) throws HalException {
        return new DimmableLed(hal.pwm(new PwmConfig(config.pin(), config.frequencyHz())), config.frequencyHz());
    }

    /**
     * Sets the brightness.
     *
     * @param percent 0 (off) to 100 (fully on)
     * @throws HalException             if the output cannot be set
     * @throws IllegalArgumentException if {@code percent} is outside 0..100
     */
    public synchronized void setBrightness(int percent) throws HalException {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("brightness must be within 0..100 %: " + percent);
        }
        pwm.set(frequencyHz, percent);
        brightness = percent;
    }

    /**
     * The brightness last set.
     *
     * @return 0 to 100 %
     */
    public synchronized int brightness() {
        return brightness;
    }

    /**
     * Switches the LED off (brightness 0).
     *
     * @throws HalException if the output cannot be set
     */
    public void off() throws HalException {
        setBrightness(0);
    }

    /** Closes the PWM output. */
    @Override
    public void close() {
        pwm.close();
    }
}
