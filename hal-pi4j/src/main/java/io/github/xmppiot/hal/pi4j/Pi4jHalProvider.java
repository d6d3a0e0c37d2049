package io.github.xmppiot.hal.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.HalProvider;
import java.util.List;

/**
 * The {@code pi4j} backend, registered for {@link java.util.ServiceLoader}: the HAL on Pi4J 2. Opening it builds a
 * Pi4J context that auto-detects the platforms and providers of the Pi4J plugins on the class path (including Pi4J's
 * mock plugin when any configured provider id starts with {@code mock-}), then checks that every provider named in
 * the {@linkplain Pi4jOptions options} exists. Pi4J (since 2.5) loads a single provider per I/O type, so put only the
 * plugins you want on the class path; the options then pin and verify the choice. The Pi4J context is available through
 * {@code halContext.unwrap(com.pi4j.context.Context.class)}.
 *
 * @since 0.1.0
 */
public final class Pi4jHalProvider implements HalProvider {

    /** The backend id. */
    public static final String ID = "pi4j";

    private static final List<String> PROVIDER_KEYS = List.of(
            Pi4jOptions.DIGITAL_INPUT_PROVIDER,
            Pi4jOptions.DIGITAL_OUTPUT_PROVIDER,
            Pi4jOptions.PWM_PROVIDER,
            Pi4jOptions.ANALOG_INPUT_PROVIDER,
            Pi4jOptions.I2C_PROVIDER,
            Pi4jOptions.SPI_PROVIDER);

    /** Service-loader constructor; does not touch hardware. */
    public Pi4jHalProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public HalBackend open(HalConfig config) throws HalException {
        Pi4jOptions options = new Pi4jOptions(config);
        Context pi4j;
        boolean mockRequested = PROVIDER_KEYS.stream()
                .anyMatch(k ->
                        options.provider(k).filter(id -> id.startsWith("mock-")).isPresent());
        try {
            ContextBuilder builder = Pi4J.newContextBuilder().autoDetect();
            if (mockRequested) {
                builder.autoDetectMockPlugins(); // Pi4J >= 2.7 skips mock plugins on a Raspberry Pi otherwise
            }
            pi4j = builder.build();
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("starting Pi4J", e);
        }
        for (String key : PROVIDER_KEYS) {
            String providerId = options.provider(key).orElse(null);
            if (providerId != null && !pi4j.providers().exists(providerId)) {
                String available = String.join(", ", pi4j.providers().all().keySet());
                pi4j.shutdown();
                throw new HalException(
                        HalException.Kind.UNSUPPORTED,
                        "Pi4J provider '" + providerId + "' (" + key + ") is not on the class path; available: "
                                + available);
            }
        }
        return new Pi4jBackend(pi4j, options, config.clock());
    }
}
