package io.github.xmppiot.core.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Immutable settings of one XMPP client connection, secure by default.
 *
 * <p>Defaults: TLS required (STARTTLS) with the server certificate verified against the system's CAs and the XMPP
 * domain; SASL restricted to {@link #SCRAM_MECHANISMS}; {@code TCP_NODELAY} on every socket
 * ({@link TcpNoDelaySocketFactory}); the server located by DNS from the JID's domain; reply timeout
 * {@link #DEFAULT_REPLY_TIMEOUT}; connect timeout {@link #DEFAULT_CONNECT_TIMEOUT}; automatic reconnection with
 * XEP-0198 stream management ({@link ReconnectPolicy#defaults()}, applied by {@link ConnectionSupervisor}). Create instances with
 * {@link #builder()} or {@link #fromProperties(Properties)}, and turn them into Smack objects with
 * {@link #toSmackConfiguration()} or {@link IotConnection#connect(IotConnectionConfig)}.
 *
 * <p>{@link #toString()} never includes the password.
 *
 * @since 0.1.0
 */
public final class IotConnectionConfig {

    /** Default time to wait for the answer to a request: 10 seconds. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for the TCP connection to be established: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Port used when a host is given without a port (RFC 6120 §3.2.2 fallback). */
    public static final int DEFAULT_PORT = 5222;
    /**
     * SASL mechanisms allowed by default, strongest first. A mechanism is offered to Smack only when the Smack runtime
     * implements it: Smack 4.4.8 implements SCRAM-SHA-1 but not SCRAM-SHA-256.
     */
    public static final List<String> SCRAM_MECHANISMS = List.of("SCRAM-SHA-256", "SCRAM-SHA-1");
    /** Name of the SASL PLAIN mechanism, allowed only through {@link IotConnectionBuilder#allowPlainSasl()}. */
    public static final String PLAIN_MECHANISM = "PLAIN";

    private final EntityBareJid jid;
    private final String password;
    private final Resourcepart resource;
    private final String host;
    private final int port;
    private final boolean tls;
    private final X509TrustManager trustManager;
    private final Path trustCertificate;
    private final boolean plainSasl;
    private final Duration replyTimeout;
    private final Duration connectTimeout;
    private final boolean sendPresence;
    private final ReconnectPolicy reconnectPolicy;

    IotConnectionConfig(IotConnectionBuilder b) {
        this.jid = b.jid;
        this.password = b.password;
        this.resource = b.resource;
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.trustManager = b.trustManager;
        this.trustCertificate = b.trustCertificate;
        this.plainSasl = b.plainSasl;
        this.replyTimeout = b.replyTimeout;
        this.connectTimeout = b.connectTimeout;
        this.sendPresence = b.sendPresence;
        this.reconnectPolicy = b.reconnectPolicy;
    }

    /**
     * Starts a new builder with the secure defaults.
     *
     * @return a builder
     */
    public static IotConnectionBuilder builder() {
        return new IotConnectionBuilder();
    }

    /**
     * Loads a configuration from properties; the keys are listed in {@link ConnectionProperties}.
     *
     * @param properties the properties, for example loaded from a device's configuration file
     * @return the configuration
     * @throws IllegalArgumentException if a required key is missing or a value is malformed; the message names the key
     */
    public static IotConnectionConfig fromProperties(Properties properties) {
        return ConnectionProperties.load(properties);
    }

    /** @return the account's bare JID; its domain is the XMPP service domain */
    public EntityBareJid jid() {
        return jid;
    }

    /** @return the account password */
    public String password() {
        return password;
    }

    /** @return the requested resource, or empty to let the server assign one */
    public Optional<Resourcepart> resource() {
        return Optional.ofNullable(resource);
    }

    /** @return the host name or IP address to connect to, or empty to locate the server by DNS */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** @return the port to connect to, or empty for the DNS result (or {@link #DEFAULT_PORT} with a host) */
    public OptionalInt port() {
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** @return true if TLS is required (the default), false for an explicit plaintext connection */
    public boolean tls() {
        return tls;
    }

    /** @return the trust manager replacing the system's CAs, or empty to use the system's CAs */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    /** @return the PEM file the trust manager was built from, if it was built from one */
    public Optional<Path> trustCertificate() {
        return Optional.ofNullable(trustCertificate);
    }

    /** @return true if SASL PLAIN is allowed in addition to SCRAM */
    public boolean plainSaslAllowed() {
        return plainSasl;
    }

    /**
     * The SASL mechanisms this configuration enables, in preference order, restricted to those the Smack runtime
     * implements.
     *
     * @return the mechanism names, never empty
     * @throws IllegalStateException if the Smack runtime implements none of them
     */
    public List<String> saslMechanisms() {
        return SmackMapping.saslMechanisms(plainSasl);
    }

    /** @return how long a request waits for its answer */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /** @return how long establishing the TCP connection may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return true if initial presence is sent after login (the default) */
    public boolean sendPresence() {
        return sendPresence;
    }

    /**
     * How a lost connection is re-established; applied by {@link IotConnection#create(IotConnectionConfig)} through
     * {@link ConnectionSupervisor}.
     *
     * @return the reconnection policy, {@link ReconnectPolicy#defaults()} unless set
     */
    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    /**
     * Maps this configuration onto a Smack configuration builder, for callers who need to set further Smack options.
     * The reply timeout is a property of the connection, not of the Smack configuration; {@link IotConnection} applies
     * it.
     *
     * @return a new Smack builder carrying every setting of this configuration
     */
    public XMPPTCPConnectionConfiguration.Builder toSmackConfigurationBuilder() {
        return SmackMapping.toBuilder(this);
    }

    /**
     * Maps this configuration onto an immutable Smack configuration.
     *
     * @return the Smack configuration
     */
    public XMPPTCPConnectionConfiguration toSmackConfiguration() {
        return toSmackConfigurationBuilder().build();
    }

    /**
     * Describes the configuration without the password.
     *
     * @return a human-readable description
     */
    @Override
    public String toString() {
        return "IotConnectionConfig[jid=" + jid + ", resource=" + resource + ", host=" + host + ", port=" + port
                + ", tls=" + tls + ", trust="
                + (trustCertificate != null ? trustCertificate : trustManager != null ? "custom" : "system")
                + ", plainSasl=" + plainSasl
                + ", replyTimeout=" + replyTimeout + ", connectTimeout=" + connectTimeout + ", reconnect="
                + reconnectPolicy
                + "]";
    }
}
