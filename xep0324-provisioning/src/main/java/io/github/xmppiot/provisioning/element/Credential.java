package io.github.xmppiot.provisioning.element;

import java.util.Objects;

/**
 * One credential of a {@code canAccess} request (XEP-0324 §3.6.2): a typed value extracted by the service from the
 * user's connection.
 *
 * @param type  the kind
 * @param value the value (for certificates: base64 text)
 * @since 0.1.0
 */
public record Credential(CredentialType type, String value) {

    /**
     * Validates the credential.
     *
     * @throws IllegalArgumentException if a coordinate is not an xs:double or a protocol is not one of the XSD's
     */
    public Credential {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (type.isDouble()) {
            io.github.xmppiot.core.value.DoubleValue.parse(value);
        }
        if (type == CredentialType.PROTOCOL
                && !value.matches("XMPP|HTTP|HTTPS|TcpSocket|UdpSocket|Queue|Internal|Other")) {
            throw new IllegalArgumentException("unknown protocol '" + value + "'");
        }
    }
}
