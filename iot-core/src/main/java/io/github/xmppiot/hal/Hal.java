package io.github.xmppiot.hal;

import io.github.xmppiot.hal.internal.DefaultHalContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates {@link HalContext}s. Backends are found through {@link ServiceLoader} as {@link HalProvider}s and selected
 * by {@link HalConfig#backend()}: iot-core ships the {@code mock} backend, the {@code hal-pi4j} module adds
 * {@code pi4j}.
 *
 * <pre>{@code
 * Properties p = new Properties();
 * p.setProperty("hal.backend", "pi4j");
 * try (HalContext hal = Hal.open(HalConfig.fromProperties(p))) {
 *     Bme280 sensor = Bme280.open(hal, Bme280.Config.DEFAULT);
 *     System.out.println(sensor.read());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Hal {

    private Hal() {}

    /**
     * Creates a context in state {@link HalContext.State#CREATED} on the provider named by the configuration.
     *
     * @param config the configuration
     * @return the context; call {@link HalContext#open()} before use
     * @throws IllegalArgumentException if no provider with that id is on the class path
     */
    public static HalContext create(HalConfig config) {
        HalProvider provider = findProvider(config.backend())
                .orElseThrow(() -> new IllegalArgumentException("no HAL backend '" + config.backend()
                        + "' on the class path; available: " + availableBackends()));
        return create(provider, config);
    }

    /**
     * Creates a context on an explicit provider, bypassing the service lookup.
     *
     * @param provider the provider
     * @param config   the configuration
     * @return the context in state {@link HalContext.State#CREATED}
     */
    public static HalContext create(HalProvider provider, HalConfig config) {
        return new DefaultHalContext(
                Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(config, "config"));
    }

    /**
     * Creates and opens a context.
     *
     * @param config the configuration
     * @return the open context
     * @throws HalException             if the backend cannot be started
     * @throws IllegalArgumentException if no provider with that id is on the class path
     */
    public static HalContext open(HalConfig config) throws HalException {
        return create(config).open();
    }

    /**
     * The provider with the given id, if one is on the class path.
     *
     * @param id the backend id
     * @return the provider
     */
    public static Optional<HalProvider> findProvider(String id) {
        for (HalProvider provider : loader()) {
            if (provider.id().equals(id)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /**
     * Ids of all providers on the class path.
     *
     * @return the ids, in service-loader order
     */
    public static List<String> availableBackends() {
        List<String> ids = new ArrayList<>();
        for (HalProvider provider : loader()) {
            ids.add(provider.id());
        }
        return ids;
    }

    private static ServiceLoader<HalProvider> loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(HalProvider.class, cl != null ? cl : Hal.class.getClassLoader());
    }
}
