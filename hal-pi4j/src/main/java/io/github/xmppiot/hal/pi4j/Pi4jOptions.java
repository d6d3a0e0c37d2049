package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.HalConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of the {@code pi4j} backend, set in {@link HalConfig} (as properties with the {@code hal.} prefix, e.g.
 * {@code hal.pi4j.provider.i2c=linuxfs-i2c}).
 *
 * <p>Each channel kind can be bound to one Pi4J provider id; without it, Pi4J's default provider for that I/O type
 * is used (the one of the detected platform, or the highest-priority provider on the class path). Typical ids on a
 * Raspberry Pi with Pi4J 2.8.0: {@code gpiod-digital-input}, {@code gpiod-digital-output} (plugin
 * {@code pi4j-plugin-gpiod}); {@code linuxfs-i2c}, {@code linuxfs-pwm}, {@code linuxfs-digital-input},
 * {@code linuxfs-digital-output} (plugin {@code pi4j-plugin-linuxfs}); {@code pigpio-digital-input},
 * {@code pigpio-digital-output}, {@code pigpio-pwm}, {@code pigpio-i2c}, {@code pigpio-spi} (plugin
 * {@code pi4j-plugin-pigpio}, needs root); and {@code mock-*} for Pi4J's mock plugin.
 *
 * @since 0.1.0
 */
public final class Pi4jOptions {

    /** Pi4J provider id for digital inputs. */
    public static final String DIGITAL_INPUT_PROVIDER = "pi4j.provider.digital-input";
    /** Pi4J provider id for digital outputs. */
    public static final String DIGITAL_OUTPUT_PROVIDER = "pi4j.provider.digital-output";
    /** Pi4J provider id for PWM outputs. */
    public static final String PWM_PROVIDER = "pi4j.provider.pwm";
    /** Pi4J provider id for analog inputs. */
    public static final String ANALOG_INPUT_PROVIDER = "pi4j.provider.analog-input";
    /** Pi4J provider id for I2C. */
    public static final String I2C_PROVIDER = "pi4j.provider.i2c";
    /** Pi4J provider id for SPI. */
    public static final String SPI_PROVIDER = "pi4j.provider.spi";
    /** PWM type, {@code hardware} or {@code software}; without it Pi4J's default (software) is used. */
    public static final String PWM_TYPE = "pi4j.pwm.type";
    /** Directory of the Linux w1 slaves; Pi4J has no 1-Wire support, the backend reads sysfs directly. */
    public static final String ONEWIRE_PATH = "pi4j.onewire.path";
    /** Default of {@link #ONEWIRE_PATH}. */
    public static final String DEFAULT_ONEWIRE_PATH = "/sys/bus/w1/devices";

    private final HalConfig config;

    Pi4jOptions(HalConfig config) {
        this.config = config;
    }

    Optional<String> provider(String key) {
        return config.option(key).filter(v -> !v.isBlank());
    }

    Optional<String> pwmType() {
        return config.option(PWM_TYPE);
    }

    Path oneWirePath() {
        return Path.of(config.option(ONEWIRE_PATH).orElse(DEFAULT_ONEWIRE_PATH));
    }
}
