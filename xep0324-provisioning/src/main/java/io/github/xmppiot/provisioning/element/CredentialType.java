package io.github.xmppiot.provisioning.element;

import java.util.Locale;
import java.util.Optional;

/**
 * The credential kinds a service extracts from a user connection and sends in {@code canAccess}
 * (XEP-0324 §3.6.2 "User access to service"; the typed child elements of the XSD, §9). The XEP-0324 examples 22 and
 * 24 use an untyped form {@code <credentials type='IpAddress' value='…'/>} instead (CHECKLIST §9.2.4);
 * {@link #fromLegacyType(String, String)} maps it.
 *
 * @since 0.1.0
 */
public enum CredentialType {
    /** {@code <jid value=/>}. */
    JID("jid", "value"),
    /** {@code <ip4 value=/>}. */
    IP4("ip4", "value"),
    /** {@code <ip6 value=/>}. */
    IP6("ip6", "value"),
    /** {@code <hostName value=/>}. */
    HOST_NAME("hostName", "value"),
    /** {@code <x509Certificate base64=/>}. */
    X509_CERTIFICATE("x509Certificate", "base64"),
    /** {@code <x509CertificateThumbprint base64=/>}. */
    X509_CERTIFICATE_THUMBPRINT("x509CertificateThumbprint", "base64"),
    /** {@code <userName value=/>}. */
    USER_NAME("userName", "value"),
    /** {@code <longitude value=/>}, an xs:double. */
    LONGITUDE("longitude", "value"),
    /** {@code <latitude value=/>}, an xs:double. */
    LATITUDE("latitude", "value"),
    /** {@code <altitude value=/>}, an xs:double. */
    ALTITUDE("altitude", "value"),
    /** {@code <sso value=/>}. */
    SSO("sso", "value"),
    /** {@code <protocol value=/>}, one of {@code XMPP HTTP HTTPS TcpSocket UdpSocket Queue Internal Other}. */
    PROTOCOL("protocol", "value");

    private final String element;
    private final String attribute;

    CredentialType(String element, String attribute) {
        this.element = element;
        this.attribute = attribute;
    }

    /** @return the XSD element name */
    public String element() {
        return element;
    }

    /** @return the attribute carrying the value ({@code value} or {@code base64}) */
    public String attribute() {
        return attribute;
    }

    /** @return whether the value is an xs:double */
    public boolean isDouble() {
        return this == LONGITUDE || this == LATITUDE || this == ALTITUDE;
    }

    /**
     * Looks a type up by its XSD element name.
     *
     * @param element the element name
     * @return the type, empty if unknown
     */
    public static Optional<CredentialType> fromElement(String element) {
        for (CredentialType t : values()) {
            if (t.element.equals(element)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Maps the {@code type} of the examples' {@code <credentials type= value=/>} form: {@code IpAddress} becomes
     * {@link #IP6} if the value contains a colon, else {@link #IP4}; other names match an element name ignoring case.
     *
     * @param type  the legacy type name
     * @param value the value (decides between IPv4 and IPv6)
     * @return the type, empty if unknown
     */
    public static Optional<CredentialType> fromLegacyType(String type, String value) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("ipaddress") || t.equals("ip")) {
            return Optional.of(value != null && value.contains(":") ? IP6 : IP4);
        }
        for (CredentialType c : values()) {
            if (c.element.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
