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
 * xmpp.reconnect=true                  # false to never reconnect automatically
 * xmpp.reconnectInitialDelay=PT1S      # delay before the second attempt (the first is at once)
 * xmpp.reconnectMaxDelay=PT60S         # cap of the exponential backoff
 * xmpp.reconnectMaxAttempts=0          # give up after this many failed attempts; 0 = never
 * xmpp.streamManagement=true           # XEP-0198 stream resumption where the server offers it
 * xmpp.keepAlive=PT30S                 # ping (XEP-0199) after this idle time; 0 = off
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

    /** Key of the reconnection switch: {@code true} (default) or {@code false}. */
    public static final String RECONNECT = "xmpp.reconnect";
    /** Key of the delay before the second reconnection attempt (ISO-8601 duration or milliseconds). */
    public static final String RECONNECT_INITIAL_DELAY = "xmpp.reconnectInitialDelay";
    /** Key of the cap of the reconnection backoff (ISO-8601 duration or milliseconds). */
    public static final String RECONNECT_MAX_DELAY = "xmpp.reconnectMaxDelay";
    /** Key of the number of failed reconnection attempts after which reconnection is given up; 0 = never. */
    public static final String RECONNECT_MAX_ATTEMPTS = "xmpp.reconnectMaxAttempts";
    /** Key of the XEP-0198 stream management switch: {@code true} (default) or {@code false}. */
    public static final String STREAM_MANAGEMENT = "xmpp.streamManagement";
    /** Key of the keep-alive ping interval (ISO-8601 duration or milliseconds); 0 turns it off. */
    public static final String KEEP_ALIVE = "xmpp.keepAlive";

    private ConnectionProperties() {}

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
        b.reconnect(reconnectPolicy(p));
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + TLS + "=false with " + TRUST_CERT + "?)", e);
        }
    }

    private static ReconnectPolicy reconnectPolicy(Properties p) {
        ReconnectPolicy r = ReconnectPolicy.defaults().withEnabled(bool(p, RECONNECT, true));
        Duration initial = optional(p, RECONNECT_INITIAL_DELAY)
                .map(v -> key(RECONNECT_INITIAL_DELAY, v))
                .orElse(r.initialDelay());
        Duration max = optional(p, RECONNECT_MAX_DELAY)
                .map(v -> key(RECONNECT_MAX_DELAY, v))
                .orElse(r.maxDelay());
        try {
            r = r.withDelays(
                    initial,
                    max.compareTo(initial) < 0
                                    && optional(p, RECONNECT_MAX_DELAY).isEmpty()
                            ? initial
                            : max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid property " + RECONNECT_INITIAL_DELAY + " or " + RECONNECT_MAX_DELAY + ": "
                            + e.getMessage(),
                    e);
        }
        int attempts = optional(p, RECONNECT_MAX_ATTEMPTS)
                .map(v -> {
                    try {
                        return Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "Invalid property " + RECONNECT_MAX_ATTEMPTS + ": not a number: '" + v + "'", e);
                    }
                })
                .orElse(0);
        Duration keepAlive =
                optional(p, KEEP_ALIVE).map(v -> key(KEEP_ALIVE, v)).orElse(r.keepAlive());
        try {
            return r.withMaxAttempts(attempts)
                    .withStreamManagement(bool(p, STREAM_MANAGEMENT, true))
                    .withKeepAlive(keepAlive);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid reconnection property (" + RECONNECT_MAX_ATTEMPTS + " or " + KEEP_ALIVE + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private static Duration key(String key, String v) {
        try {
            return duration(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid property " + key + ": " + e.getMessage(), e);
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
        return optional(p, key)
                .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default ->
                        throw new IllegalArgumentException(
                                "Property " + key + " must be true or false, not '" + v + "'");
                })
                .orElse(dflt);
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
