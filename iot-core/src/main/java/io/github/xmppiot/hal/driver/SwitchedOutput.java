package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An on/off device on a digital output, active high or active low: a relay module or an LED (with series resistor),
 * chosen by a {@link Preset} that sets the driver type id and the control parameter's label. The output starts off
 * (the pin is driven to the inactive level when opened).
 *
 * @since 0.1.0
 */
public final class SwitchedOutput implements AutoCloseable {

    /** The kinds of switched output, each a driver type of the {@link DriverCatalog}. */
    public enum Preset {
        /**
         * A relay module (type {@code relay}). Many relay boards switch on when their input is low: configure
         * {@code activeLow} for those.
         */
        RELAY("relay", "Relay (digital output)", "the relay switches on when the pin is low", "Relay output"),
        /**
         * An LED (type {@code led}). An LED wired from 3.3 V to the pin lights when the pin is low: configure
         * {@code activeLow} for it.
         */
        LED("led", "LED (digital output)", "the LED lights when the pin is low", "LED");

        private final DriverInfo info;
        private final String label;

        Preset(String type, String description, String activeLowDescription, String label) {
            this.info = new DriverInfo(
                    type,
                    description,
                    List.of(
                            ParameterSpec.requiredInt("pin", "GPIO pin (BCM numbering)", 0, 53),
                            ParameterSpec.bool("activeLow", activeLowDescription, false)));
            this.label = label;
        }

        /**
         * The driver description: type id and the parameters {@code pin}, {@code activeLow}.
         *
         * @return the description
         */
        public DriverInfo info() {
            return info;
        }

        /**
         * The label of the boolean control parameter a Thing offers for the output (XEP-0325).
         *
         * @return {@code Relay output} or {@code LED}
         */
        public String label() {
            return label;
        }

        /**
         * The preset of a driver type id.
         *
         * @param type {@code relay} or {@code led}
         * @return the preset, or empty if the type is not a switched output
         */
        public static Optional<Preset> forType(String type) {
            return Arrays.stream(values())
                    .filter(p -> p.info.type().equals(type))
                    .findFirst();
        }
    }

    /**
     * Configuration.
     *
     * @param preset    the kind of output
     * @param pin       the GPIO pin
     * @param activeLow whether on means low
     */
    public record Config(Preset preset, int pin, boolean activeLow) {

        /**
         * Validates the configuration against the preset's {@link Preset#info()}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            Objects.requireNonNull(preset, "preset");
            preset.info.parameter("pin").orElseThrow().validate(pin);
        }

        /**
         * Builds a configuration from textual parameters, applying defaults.
         *
         * @param preset the kind of output
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Preset preset, Map<String, String> values) {
            Map<String, Object> v = preset.info.resolve(values);
            return new Config(preset, (Integer) v.get("pin"), (Boolean) v.get("activeLow"));
        }
    }

    private final Preset preset;
    private final DigitalOutput output;
    private final DigitalLevel onLevel;

    private SwitchedOutput(Preset preset, DigitalOutput output, boolean activeLow) {
        this.preset = preset;
        this.output = output;
        this.onLevel = activeLow ? DigitalLevel.LOW : DigitalLevel.HIGH;
    }

    /**
     * Opens the output pin, switched off, and creates the driver.
     *
     * @param hal    the open context
     * @param config the configuration
     * @return the driver
     * @throws HalException if the pin cannot be configured
     */
    public static SwitchedOutput open(HalContext hal, Config config) throws HalException {
        DigitalLevel off = config.activeLow() ? DigitalLevel.HIGH : DigitalLevel.LOW;
        return new SwitchedOutput(
                config.preset(), hal.digitalOutput(new DigitalOutputConfig(config.pin(), off)), config.activeLow());
    }

    /**
     * The kind of output.
     *
     * @return the preset it was opened with
     */
    public Preset preset() {
        return preset;
    }

    /**
     * Switches on or off.
     *
     * @param on the new state
     * @throws HalException if the pin cannot be driven
     */
    public void set(boolean on) throws HalException {
        output.write(on ? onLevel : onLevel.inverse());
    }

    /**
     * Switches on.
     *
     * @throws HalException if the pin cannot be driven
     */
    public void on() throws HalException {
        set(true);
    }

    /**
     * Switches off.
     *
     * @throws HalException if the pin cannot be driven
     */
    public void off() throws HalException {
        set(false);
    }

    /**
     * The state last set.
     *
     * @return {@code true} if on
     */
    public boolean isOn() {
        return output.level() == onLevel;
    }

    /** Closes the output pin; the pin keeps its level. */
    @Override
    public void close() {
        output.close();
    }
}
