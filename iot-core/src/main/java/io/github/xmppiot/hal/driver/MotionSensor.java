package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.PullResistance;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A passive-infrared (PIR) motion sensor such as the HC-SR501 on a digital input. Its output is active high
 * (3.3 V while motion is detected); a short debounce period suppresses spikes on long cables.
 *
 * @since 0.1.0
 */
public final class MotionSensor implements AutoCloseable {

    /** Driver type id. */
    public static final String TYPE = "pir";

    /** Configuration parameters: {@code pin}, {@code activeLow}, {@code debounceMs}. */
    public static final DriverInfo INFO = new DriverInfo(TYPE, "PIR motion sensor (digital input)", List.of(
            ParameterSpec.requiredInt("pin", "GPIO pin (BCM numbering)", 0, 53),
            ParameterSpec.bool("activeLow", "motion pulls the pin low (inverted modules)", false),
            ParameterSpec.intRange("debounceMs", "debounce period in milliseconds", 50, 0, 1000)));

    /**
     * Configuration.
     *
     * @param pin        the GPIO pin
     * @param activeLow  whether motion reads low
     * @param debounceMs the debounce period in milliseconds
     */
    public record Config(int pin, boolean activeLow, int debounceMs) {

        /**
         * Validates the configuration against {@link MotionSensor#INFO}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            INFO.parameter("pin").orElseThrow().validate(pin);
            INFO.parameter("debounceMs").orElseThrow().validate(debounceMs);
        }

        /**
         * An active-high sensor with the default debounce period of 50 ms.
         *
         * @param pin the GPIO pin
         * @return the configuration
         */
        public static Config of(int pin) {
            return new Config(pin, false, 50);
        }

        /**
         * Builds a configuration from textual parameters, applying defaults.
         *
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Map<String, String> values) {
            Map<String, Object> v = INFO.resolve(values);
            return new Config((Integer) v.get("pin"), (Boolean) v.get("activeLow"), (Integer) v.get("debounceMs"));
        }
    }

    private final BinaryInput input;

    private MotionSensor(BinaryInput input) {
        this.input = input;
    }

    /**
     * Opens the input pin and creates the driver.
     *
     * @param hal    the open context
     * @param config the configuration
     * @return the driver
     * @throws HalException if the pin cannot be configured
     */
    public static MotionSensor open(HalContext hal, Config config) throws HalException {
        DigitalInputConfig in = new DigitalInputConfig(config.pin(),
                config.activeLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN,
                Duration.ofMillis(config.debounceMs()));
        return new MotionSensor(new BinaryInput(hal.digitalInput(in), config.activeLow()));
    }

    /**
     * Whether motion is currently detected (debounced).
     *
     * @return {@code true} while motion is detected
     * @throws HalException if the pin cannot be read
     */
    public boolean motionDetected() throws HalException {
        return input.isActive();
    }

    /**
     * Registers a listener called with {@code true} when motion starts and {@code false} when it ends.
     *
     * @param listener the listener
     * @return a handle that removes the listener
     */
    public Cancellable onChange(BinaryStateListener listener) {
        return input.onChange(listener);
    }

    /** Closes the input pin. */
    @Override
    public void close() {
        input.close();
    }
}
