package io.github.xmppiot.core.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The property keys read by {@link IotConnectionConfig#fromProperties(Properties)}. Keys that are absent keep the
 * builder's secure default; keys not listed here are ignored, so one file may also hold an application's own settings.
 *
 * <pre>
 * xmpp.jid=sensor-7@example.org        # required
 * xmpp.password=...                    # required
 * xmpp.resource=device                 # optional
 * xmpp.host=xmpp.example.org           # optional, default: DNS lookup of the JID's domain
 * xmpp.port=5222                       # optional
 * xmpp.tls=true                        # true (default) or false for an explicit plaintext connection
 * xmpp.trustCert=/etc/device/ca.pem    # optional PEM file whose certificates replace the system's CAs
 * xmpp.allowPlainSasl=false            # true to allow SASL PLAIN besides SCRAM
 * xmpp.replyTimeout=PT10S              # ISO-8601 duration or milliseconds
 * xmpp.connectTimeout=PT10S            # ISO-8601 duration or milliseconds
 * xmpp.sendPresence=true               # false to stay unavailable after login
 * </pre>
 *
 * @since 0.1.0
 */
public final class ConnectionProperties {

    /** Key of the account's bare JID (required). */
    public static final String JID = "xmpp.jid";
    /** Key of the account password (required). */
    public static final String PASSWORD = "xmpp.password";
    /** Key of the requested resource. */
    public static final String RESOURCE = "xmpp.resource";
    /** Key of the server host name or IP address. */
    public static final String HOST = "xmpp.host";
    /** Key of the server port. */
    public static final String PORT = "xmpp.port";
    /** Key of the TLS switch: {@code true} (default) or {@code false} for plaintext. */
    public static final String TLS = "xmpp.tls";
    /** Key of the path of a PEM file holding the trusted certificates. */
    public static final String TRUST_CERT = "xmpp.trustCert";
    /** Key of the SASL PLAIN opt-in: {@code true} or {@code false} (default). */
    public static final String ALLOW_PLAIN_SASL = "xmpp.allowPlainSasl";
    /** Key of the reply timeout: ISO-8601 duration such as {@code PT10S} or a number of milliseconds. */
    public static final String REPLY_TIMEOUT = "xmpp.replyTimeout";
    /** Key of the connect timeout: ISO-8601 duration such as {@code PT10S} or a number of milliseconds. */
    public static final String CONNECT_TIMEOUT = "xmpp.connectTimeout";
    /** Key of the initial presence switch: {@code true} (default) or {@code false}. */
    public static final String SEND_PRESENCE = "xmpp.sendPresence";

    private ConnectionProperties() {
    }

    static IotConnectionConfig load(Properties p) {
        Objects.requireNonNull(p, "properties");
        IotConnectionBuilder b = IotConnection.builder();
        String jid = require(p, JID);
        apply(JID, () -> b.jid(jid));
        String password = require(p, PASSWORD);
        apply(PASSWORD, () -> b.password(password));
        optional(p, RESOURCE).ifPresent(v -> apply(RESOURCE, () -> b.resource(v)));
        optional(p, HOST).ifPresent(b::host);
        optional(p, PORT).ifPresent(v -> apply(PORT, () -> b.port(parsePort(v))));
        if (!bool(p, TLS, true)) {
            b.plaintext();
        }
        optional(p, TRUST_CERT).ifPresent(v -> apply(TRUST_CERT, () -> b.trustCertificate(Path.of(v))));
        if (bool(p, ALLOW_PLAIN_SASL, false)) {
            b.allowPlainSasl();
        }
        optional(p, REPLY_TIMEOUT).ifPresent(v -> apply(REPLY_TIMEOUT, () -> b.replyTimeout(duration(v))));
        optional(p, CONNECT_TIMEOUT).ifPresent(v -> apply(CONNECT_TIMEOUT, () -> b.connectTimeout(duration(v))));
        b.sendPresence(bool(p, SEND_PRESENCE, true));
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + TLS + "=false with " + TRUST_CERT + "?)", e);
        }
    }

    private static String require(Properties p, String key) {
        return optional(p, key).orElseThrow(() -> new IllegalArgumentException("Missing required property " + key));
    }

    private static java.util.Optional<String> optional(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.strip());
    }

    private static boolean bool(Properties p, String key, boolean dflt) {
        return optional(p, key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Property " + key + " must be true or false, not '" + v
                    + "'");
        }).orElse(dflt);
    }

    private static int parsePort(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + v + "'", e);
        }
    }

    private static Duration duration(String v) {
        if (v.chars().allMatch(Character::isDigit)) {
            return Duration.ofMillis(Long.parseLong(v));
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration or milliseconds: '" + v + "'", e);
        }
    }

    private static void apply(String key, Runnable setter) {
        try {
            setter.run();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid property " + key + ": " + e.getMessage(), e);
        }
    }
}
