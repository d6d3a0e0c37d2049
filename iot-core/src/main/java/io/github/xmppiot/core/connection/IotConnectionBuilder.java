package io.github.xmppiot.core.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.X509TrustManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Builder of {@link IotConnectionConfig}, obtained from {@link IotConnection#builder()} or
 * {@link IotConnectionConfig#builder()}. A JID and a password are required; everything else has a secure default.
 *
 * @since 0.1.0
 */
public final class IotConnectionBuilder {
    EntityBareJid jid;
    String password;
    Resourcepart resource;
    String host;
    int port;
    boolean tls = true;
    X509TrustManager trustManager;
    Path trustCertificate;
    boolean plainSasl;
    Duration replyTimeout = IotConnectionConfig.DEFAULT_REPLY_TIMEOUT;
    Duration connectTimeout = IotConnectionConfig.DEFAULT_CONNECT_TIMEOUT;
    boolean sendPresence = true;
    ReconnectPolicy reconnectPolicy = ReconnectPolicy.defaults();

    IotConnectionBuilder() {}

    /**
     * Sets the account.
     *
     * @param jid the bare JID, for example {@code sensor-7@example.org}
     * @return this builder
     */
    public IotConnectionBuilder jid(EntityBareJid jid) {
        this.jid = Objects.requireNonNull(jid, "jid");
        return this;
    }

    /**
     * Sets the account from its string form.
     *
     * @param jid the bare JID, for example {@code sensor-7@example.org}
     * @return this builder
     * @throws IllegalArgumentException if the string is not a bare JID with a local part
     */
    public IotConnectionBuilder jid(String jid) {
        Objects.requireNonNull(jid, "jid");
        try {
            return jid(JidCreate.entityBareFrom(jid));
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a bare JID with a local part: '" + jid + "'", e);
        }
    }

    /**
     * Sets the password.
     *
     * @param password the account password, not empty
     * @return this builder
     */
    public IotConnectionBuilder password(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        this.password = password;
        return this;
    }

    /**
     * Requests a resource (the part after {@code /} of the full JID).
     *
     * @param resource the resource, or null to let the server assign one
     * @return this builder
     * @throws IllegalArgumentException if the resource is not valid
     */
    public IotConnectionBuilder resource(String resource) {
        try {
            this.resource = resource == null ? null : Resourcepart.from(resource);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid resource: '" + resource + "'", e);
        }
        return this;
    }

    /**
     * Connects to this host instead of locating the server by DNS. The certificate is still checked against the
     * JID's domain.
     *
     * @param host a host name or IP address, or null for DNS lookup
     * @return this builder
     */
    public IotConnectionBuilder host(String host) {
        this.host = host == null || host.isBlank() ? null : host.strip();
        return this;
    }

    /**
     * Sets the port.
     *
     * @param port 1 to 65535, or 0 for the default
     * @return this builder
     */
    public IotConnectionBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Trusts exactly the certificates of a PEM file instead of the system's CAs (see {@link PemTrust}).
     *
     * @param pemFile the PEM file with one or more certificates
     * @return this builder
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if it holds no valid certificate
     */
    public IotConnectionBuilder trustCertificate(Path pemFile) {
        try {
            this.trustManager = PemTrust.trustManager(pemFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read trusted certificate " + pemFile, e);
        }
        this.trustCertificate = pemFile;
        return this;
    }

    /**
     * Uses this trust manager instead of the system's CAs.
     *
     * @param trustManager the trust manager
     * @return this builder
     */
    public IotConnectionBuilder trustManager(X509TrustManager trustManager) {
        this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
        this.trustCertificate = null;
        return this;
    }

    /**
     * Opts out of TLS: the stream, including the SASL exchange, is sent unencrypted. Only for test servers and
     * isolated networks.
     *
     * @return this builder
     */
    public IotConnectionBuilder plaintext() {
        this.tls = false;
        return this;
    }

    /**
     * Opts in to SASL PLAIN, for servers that do not offer SCRAM. Combined with {@link #plaintext()} the password
     * crosses the network in clear text.
     *
     * @return this builder
     */
    public IotConnectionBuilder allowPlainSasl() {
        this.plainSasl = true;
        return this;
    }

    /**
     * Sets how long a request waits for its answer.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public IotConnectionBuilder replyTimeout(Duration timeout) {
        this.replyTimeout = positive(timeout, "replyTimeout");
        return this;
    }

    /**
     * Sets how long establishing the TCP connection may take.
     *
     * @param timeout a positive duration of at most {@link Integer#MAX_VALUE} milliseconds
     * @return this builder
     */
    public IotConnectionBuilder connectTimeout(Duration timeout) {
        if (positive(timeout, "connectTimeout").toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout too long: " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * Sets whether initial presence is sent after login.
     *
     * @param sendPresence false to stay unavailable after login
     * @return this builder
     */
    public IotConnectionBuilder sendPresence(boolean sendPresence) {
        this.sendPresence = sendPresence;
        return this;
    }

    /**
     * Sets how a lost connection is re-established (default {@link ReconnectPolicy#defaults()}: at once, then
     * exponential backoff with jitter from 1 s to 60 s, XEP-0198 resumption where offered).
     *
     * @param policy the policy, or {@link ReconnectPolicy#disabled()} to opt out
     * @return this builder
     */
    public IotConnectionBuilder reconnect(ReconnectPolicy policy) {
        this.reconnectPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalStateException if the JID or password is missing, or a trust setting is combined with
     *                               {@link #plaintext()}
     */
    public IotConnectionConfig build() {
        Set<String> missing = new LinkedHashSet<>();
        if (jid == null) {
            missing.add("jid");
        }
        if (password == null) {
            missing.add("password");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing required connection settings: " + missing);
        }
        if (!tls && trustManager != null) {
            throw new IllegalStateException("A trusted certificate or trust manager has no effect with plaintext()");
        }
        return new IotConnectionConfig(this);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
