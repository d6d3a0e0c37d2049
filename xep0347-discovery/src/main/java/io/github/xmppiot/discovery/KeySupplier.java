package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Supplies the new {@code KEY} meta tag a Thing registers with after it was disowned (XEP-0347 §3.17 "Disowning
 * Thing", §6.5 "KEY tag": the key should be long and hard to guess). The Thing shows the new key to a future owner,
 * typically in a new claim string or QR code ({@link ThingDiscoveryListener#registeredAgain}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface KeySupplier {

    /**
     * A new key.
     *
     * @param node the node behind a concentrator, or null for a stand-alone Thing
     * @return the key, at most 128 characters (XEP-0347 §5.2)
     */
    String newKey(NodeRef node);

    /**
     * The default: 32 random bytes from a {@link SecureRandom}, as 64 hexadecimal characters.
     *
     * @return the supplier
     */
    static KeySupplier random() {
        SecureRandom random = new SecureRandom();
        return node -> {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            return HexFormat.of().formatHex(secret);
        };
    }
}
