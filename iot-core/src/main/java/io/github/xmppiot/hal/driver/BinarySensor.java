package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.PullResistance;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-state sensor on a digital input, debounced: a push button or a passive-infrared (PIR) motion sensor, chosen by
 * a {@link Preset} that sets the driver type id, the default polarity and debounce period, and the XEP-0323 field name.
 * An active-low input uses the internal pull-up, an active-high input the pull-down.
 *
 * @since 0.1.0
 */
public final class BinarySensor implements AutoCloseable {

    /** The kinds of binary sensor, each a driver type of the {@link DriverCatalog}. */
    public enum Preset {
        /**
         * A PIR motion sensor such as the HC-SR501 (type {@code pir}, field {@code Motion}): active high (3.3 V while
         * motion is detected), 50 ms debounce against spikes on long cables.
         */
        MOTION(
                "pir",
                "PIR motion sensor (digital input)",
                "Motion",
                "motion pulls the pin low (inverted modules)",
                false,
                50),
        /**
         * A push button (type {@code button}, field {@code Pressed}): active low by default (button between the pin and
         * ground, internal pull-up; wire it to 3.3 V and set {@code activeLow=false} for the pull-down), 20 ms debounce.
         */
        BUTTON(
                "button",
                "Push button (digital input, debounced)",
                "Pressed",
                "pressed pulls the pin low (button to ground, internal pull-up)",
                true,
                20);

        private final DriverInfo info;
        private final String fieldName;
        private final boolean activeLow;
        private final int debounceMs;

        Preset(
                String type,
                String description,
                String fieldName,
                String activeLowDescription,
                boolean activeLow,
                int debounceMs) {
            this.info = new DriverInfo(
                    type,
                    description,
                    List.of(
                            ParameterSpec.requiredInt("pin", "GPIO pin (BCM numbering)", 0, 53),
                            ParameterSpec.bool("activeLow", activeLowDescription, activeLow),
                            ParameterSpec.intRange(
                                    "debounceMs", "debounce period in milliseconds", debounceMs, 0, 1000)));
            this.fieldName = fieldName;
            this.activeLow = activeLow;
            this.debounceMs = debounceMs;
        }

        /**
         * The driver description: type id and the parameters {@code pin}, {@code activeLow}, {@code debounceMs}.
         *
         * @return the description
         */
        public DriverInfo info() {
            return info;
        }

        /**
         * The name of the momentary boolean field a Thing reports for the sensor (XEP-0323).
         *
         * @return {@code Motion} or {@code Pressed}
         */
        public String fieldName() {
            return fieldName;
        }

        /**
         * The preset of a driver type id.
         *
         * @param type {@code pir} or {@code button}
         * @return the preset, or empty if the type is not a binary sensor
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
     * @param preset     the kind of sensor
     * @param pin        the GPIO pin
     * @param activeLow  whether the active state (pressed, motion) reads low
     * @param debounceMs the debounce period in milliseconds
     */
    public record Config(Preset preset, int pin, boolean activeLow, int debounceMs) {

        /**
         * Validates the configuration against the preset's {@link Preset#info()}.
         *
         * @throws IllegalArgumentException if a value is not allowed
         */
        public Config {
            Objects.requireNonNull(preset, "preset");
            preset.info.parameter("pin").orElseThrow().validate(pin);
            preset.info.parameter("debounceMs").orElseThrow().validate(debounceMs);
        }

        /**
         * A sensor with the preset's polarity and debounce period.
         *
         * @param preset the kind of sensor
         * @param pin    the GPIO pin
         * @return the configuration
         */
        public static Config of(Preset preset, int pin) {
            return new Config(preset, pin, preset.activeLow, preset.debounceMs);
        }

        /**
         * Builds a configuration from textual parameters, applying the preset's defaults.
         *
         * @param preset the kind of sensor
         * @param values values by parameter name
         * @return the configuration
         */
        public static Config from(Preset preset, Map<String, String> values) {
            Map<String, Object> v = preset.info.resolve(values);
            return new Config(
                    preset, (Integer) v.get("pin"), (Boolean) v.get("activeLow"), (Integer) v.get("debounceMs"));
        }
    }

    private final Preset preset;
    private final DigitalInput input;
    private final DigitalLevel activeLevel;

    private BinarySensor(Preset preset, DigitalInput input, boolean activeLow) {
        this.preset = preset;
        this.input = input;
        this.activeLevel = activeLow ? DigitalLevel.LOW : DigitalLevel.HIGH;
    }

    /**
     * Opens the input pin and creates the driver.
     *
     * @param hal    the open context
     * @param config the configuration
     * @return the driver
     * @throws HalException if the pin cannot be configured
     */
    public static BinarySensor open(HalContext hal, Config config) throws HalException {
        DigitalInputConfig in = new DigitalInputConfig(
                config.pin(),
                config.activeLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN,
                Duration.ofMillis(config.debounceMs()));
        return new BinarySensor(config.preset(), hal.digitalInput(in), config.activeLow());
    }

    /**
     * The kind of sensor.
     *
     * @return the preset it was opened with
     */
    public Preset preset() {
        return preset;
    }

    /**
     * Whether the sensor is active (debounced): the button is pressed, or motion is detected.
     *
     * @return {@code true} while active
     * @throws HalException if the pin cannot be read
     */
    public boolean isActive() throws HalException {
        return input.read() == activeLevel;
    }

    /**
     * Registers a listener called with {@code true} when the sensor becomes active (press, motion starts) and
     * {@code false} when it becomes inactive.
     *
     * @param listener the listener
     * @return a handle that removes the listener
     */
    public Cancellable onChange(BinaryStateListener listener) {
        return input.onEdge(e -> listener.onChange(e.level() == activeLevel));
    }

    /** Closes the input pin. */
    @Override
    public void close() {
        input.close();
    }
}
