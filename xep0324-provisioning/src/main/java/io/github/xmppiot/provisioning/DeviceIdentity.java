package io.github.xmppiot.provisioning;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The X.509 certificate and private key a Thing or service identifies itself with (XEP-0324 §3.1.3 "Tokens and X.509
 * Certificates"): the public certificate is sent in {@code getToken}; the private key decrypts the provisioning
 * server's challenges. The key must be an RSA key.
 *
 * @param certificate the certificate whose public part is sent
 * @param privateKey  the matching private key
 * @since 0.1.0
 */
public record DeviceIdentity(X509Certificate certificate, PrivateKey privateKey) {

    /**
     * Validates the pair.
     *
     * @throws IllegalArgumentException if the key is not an RSA key
     */
    public DeviceIdentity {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("XEP-0324 challenges need an RSA key, not " + privateKey.getAlgorithm());
        }
    }
}
