package io.github.xmppiot.hal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Immutable configuration of a {@link HalContext}: which backend to use, the clock, and backend-specific options.
 *
 * <p>As properties, the backend is {@value #BACKEND_KEY} (for example {@code mock} or {@code pi4j}) and every other
 * key that starts with {@value #PREFIX} is an option, stored without the prefix: {@code hal.pi4j.provider.i2c=
 * linuxfs-i2c} becomes the option {@code pi4j.provider.i2c}. Keys without the prefix are ignored, so a HAL
 * configuration can live in a larger application properties file.
 *
 * @since 0.1.0
 */
public final class HalConfig {

    /** Property naming the backend. */
    public static final String BACKEND_KEY = "hal.backend";
    /** Prefix of all HAL properties. */
    public static final String PREFIX = "hal.";

    private final String backend;
    private final HalClock clock;
    private final Map<String, String> options;

    private HalConfig(Builder builder) {
        if (builder.backend == null || builder.backend.isBlank()) {
            throw new IllegalArgumentException("a backend id is required (" + BACKEND_KEY + ")");
        }
        this.backend = builder.backend.trim();
        this.clock = builder.clock;
        this.options = Collections.unmodifiableMap(new TreeMap<>(builder.options));
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration from properties, as described in the class documentation.
     *
     * @param properties the properties
     * @return the configuration
     * @throws IllegalArgumentException if {@value #BACKEND_KEY} is missing or blank
     */
    public static HalConfig fromProperties(Properties properties) {
        Builder builder = builder().backend(properties.getProperty(BACKEND_KEY));
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !key.equals(BACKEND_KEY)) {
                builder.option(
                        key.substring(PREFIX.length()),
                        properties.getProperty(key).trim());
            }
        }
        return builder.build();
    }

    /**
     * Id of the {@link HalProvider} to use.
     *
     * @return the backend id, never blank
     */
    public String backend() {
        return backend;
    }

    /**
     * The clock for debouncing and driver waits: the configured one, or {@link HalClock#system()}.
     *
     * @return the clock
     */
    public HalClock clock() {
        return clock != null ? clock : HalClock.system();
    }

    /**
     * All backend options, keys without the {@value #PREFIX} prefix.
     *
     * @return an unmodifiable sorted map
     */
    public Map<String, String> options() {
        return options;
    }

    /**
     * One backend option.
     *
     * @param key the key without the {@value #PREFIX} prefix
     * @return the value, or empty if not set
     */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public String toString() {
        return "HalConfig[backend=" + backend + ", options=" + options + "]";
    }

    /** Builder of {@link HalConfig}. */
    public static final class Builder {
        private String backend;
        private HalClock clock;
        private final Map<String, String> options = new TreeMap<>();

        private Builder() {}

        /**
         * Sets the backend id.
         *
         * @param id the {@link HalProvider#id()} to use
         * @return this builder
         */
        public Builder backend(String id) {
            this.backend = id;
            return this;
        }

        /**
         * Sets the clock; without it the {@linkplain HalClock#system() system clock} is used.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(HalClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets a backend option.
         *
         * @param key   the key without the {@value HalConfig#PREFIX} prefix
         * @param value the value
         * @return this builder
         */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if no backend was set
         */
        public HalConfig build() {
            return new HalConfig(this);
        }
    }
}
