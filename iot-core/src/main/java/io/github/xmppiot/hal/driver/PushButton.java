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
 * A push button on a digital input, debounced. Active-low wiring (button between the pin and ground) uses the
 * internal pull-up; active-high wiring (button to 3.3 V) uses the pull-down.
 *
 * @since 0.1.0
 */
public final class PushButton implements AutoCloseable {

    /** Driver type id. */
    public static final String TYPE = "button";

    /** Configuration parameters: {@code pin}, {@code activeLow}, {@code debounceMs}. */
    public static final DriverInfo INFO = new DriverInfo(TYPE, "Push button (digital input, debounced)", List.of(
            ParameterSpec.requiredInt("pin", "GPIO pin (BCM numbering)", 0, 53),
            ParameterSpec.bool("activeLow", "pressed pulls the pin low (button to ground, internal pull-up)", true),
            ParameterSpec.intRange("debounceMs", "debounce period in milliseconds", 20, 0, 1000)));

    /**
     * Configuration.
     *
     * @param pin        the GPIO pin
     * @param activeLow  whether pressed reads low
     * @param debounceMs the debounce period in milliseconds
     */
    public record Config(int pin, boolean activeLow, int debounceMs) {

        /**
         * Validates the configuration against {@link PushButton#INFO}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            INFO.parameter("pin").orElseThrow().validate(pin);
            INFO.parameter("debounceMs").orElseThrow().validate(debounceMs);
        }

        /**
         * An active-low button with the default debounce period of 20 ms.
         *
         * @param pin the GPIO pin
         * @return the configuration
         */
        public static Config of(int pin) {
            return new Config(pin, true, 20);
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

    private PushButton(BinaryInput input) {
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
    public static PushButton open(HalContext hal, Config config) throws HalException {
        DigitalInputConfig in = new DigitalInputConfig(config.pin(),
                config.activeLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN,
                Duration.ofMillis(config.debounceMs()));
        return new PushButton(new BinaryInput(hal.digitalInput(in), config.activeLow()));
    }

    /**
     * Whether the button is pressed (debounced).
     *
     * @return {@code true} if pressed
     * @throws HalException if the pin cannot be read
     */
    public boolean isPressed() throws HalException {
        return input.isActive();
    }

    /**
     * Registers a listener called with {@code true} on press and {@code false} on release.
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
