package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import java.util.List;
import java.util.Map;

/**
 * An LED (with series resistor) on a digital output. An LED wired from 3.3 V to the pin lights when the pin is low:
 * configure {@code activeLow} for it. The LED starts off (the pin is driven to the inactive level when opened).
 *
 * @since 0.1.0
 */
public final class Led extends SwitchedOutput {

    /** Driver type id. */
    public static final String TYPE = "led";

    /** Configuration parameters: {@code pin}, {@code activeLow}. */
    public static final DriverInfo INFO = new DriverInfo(TYPE, "LED (digital output)", List.of(
            ParameterSpec.requiredInt("pin", "GPIO pin (BCM numbering)", 0, 53),
            ParameterSpec.bool("activeLow", "the LED lights when the pin is low", false)));

    /**
     * Configuration.
     *
     * @param pin       the GPIO pin
     * @param activeLow whether on means low
     */
    public record Config(int pin, boolean activeLow) {

        /**
         * Validates the configuration against {@link Led#INFO}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            INFO.parameter("pin").orElseThrow().validate(pin);
        }

        /**
         * Builds a configuration from textual parameters, applying defaults.
         *
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Map<String, String> values) {
            Map<String, Object> v = INFO.resolve(values);
            return new Config((Integer) v.get("pin"), (Boolean) v.get("activeLow"));
        }
    }

    private Led(DigitalOutput output, boolean activeLow) {
        super(output, activeLow);
    }

    /**
     * Opens the output pin, switched off, and creates the driver.
     *
     * @param hal    the open context
     * @param config the configuration
     * @return the driver
     * @throws HalException if the pin cannot be configured
     */
    public static Led open(HalContext hal, Config config) throws HalException {
        DigitalLevel off = config.activeLow() ? DigitalLevel.HIGH : DigitalLevel.LOW;
        return new Led(hal.digitalOutput(new DigitalOutputConfig(config.pin(), off)), config.activeLow());
    }
}
