package io.github.xmppiot.hal;

/**
 * Service-provider interface of a HAL backend, found through {@link java.util.ServiceLoader}: a backend module lists
 * its implementation in {@code META-INF/services/io.github.xmppiot.hal.HalProvider}. Implementations need a public
 * no-argument constructor and must be cheap to instantiate; hardware is only touched in {@link #open(HalConfig)}.
 *
 * @since 0.1.0
 */
public interface HalProvider {

    /**
     * The backend id matched against {@link HalConfig#backend()}, for example {@code mock} or {@code pi4j}.
     *
     * @return the id
     */
    String id();

    /**
     * Starts the backend.
     *
     * @param config the configuration, including backend-specific {@linkplain HalConfig#options() options}
     * @return the started backend
     * @throws HalException if the hardware or native library cannot be initialised
     */
    HalBackend open(HalConfig config) throws HalException;
}
