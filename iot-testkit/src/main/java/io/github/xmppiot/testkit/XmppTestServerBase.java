package io.github.xmppiot.testkit;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionBuilder;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.testkit.internal.ProsodyFiles;
import io.github.xmppiot.testkit.internal.ServerInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Domainpart;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * What {@link ProsodyServer} and {@link EjabberdServer} share: accounts created on demand by in-band registration
 * (XEP-0077) with the password {@link #password(String)}, connections with the SDK's own settings
 * ({@link IotConnectionConfig}: TLS with the server's self-signed certificate trusted unless the server is
 * plaintext-only, SCRAM, {@code TCP_NODELAY}, resource {@value #DEFAULT_RESOURCE}) tracked so that the JUnit
 * extensions disconnect them after each test, and fault injection ({@link #restart()}, {@link #kill()}) on the same
 * port with the same data. The methods are thread-safe.
 *
 * @since 0.1.0
 */
public abstract sealed class XmppTestServerBase implements XmppTestServer permits ProsodyServer, EjabberdServer {

    /** Resource of connections created by {@link #connect(String)}. */
    public static final String DEFAULT_RESOURCE = "test";
    /** Loopback address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** Reply timeout of the connections this class creates. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final ServerInstance instance;
    private final String domain;
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    XmppTestServerBase(ServerInstance instance, String domain) {
        this.instance = instance;
        this.domain = domain;
    }

    /** @return the XMPP domain of the server's virtual host */
    @Override
    public String domain() {
        return domain;
    }

    /** @return the c2s port on {@value #HOST} */
    @Override
    public int port() {
        return instance.port();
    }

    /** @return true if clients must use STARTTLS, false for a plaintext-only server */
    @Override
    public boolean tls() {
        return instance.certificate().isPresent();
    }

    /** @return the PEM certificate clients must trust, or empty for a plaintext-only server */
    @Override
    public Optional<Path> certificate() {
        return instance.certificate();
    }

    /** @return the address of the pubsub service (XEP-0060), {@code pubsub.<domain>} */
    @Override
    public String pubsubService() {
        return "pubsub." + domain();
    }

    /** @return the server's private temporary directory (configuration, data, logs); deleted by {@link #close()} */
    public Path directory() {
        return instance.directory();
    }

    /** @return the server's log file */
    public Path logFile() {
        return instance.logFile();
    }

    /** @return the server's log so far, followed by anything the process printed to its console */
    @Override
    public String log() {
        return instance.logSince(0);
    }

    /** @return true while the server process runs */
    public boolean isRunning() {
        return instance.isRunning();
    }

    /**
     * The bare JID of a user of this server.
     *
     * @param user the local part
     * @return {@code user@domain}
     * @throws IllegalArgumentException if {@code user} is not a valid local part
     */
    @Override
    public EntityBareJid jid(String user) {
        try {
            return JidCreate.entityBareFrom(Localpart.from(user), Domainpart.from(domain()));
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid local part: '" + user + "'", e);
        }
    }

    /**
     * The password of a user: the one given to {@link #createAccount(String, String)}, otherwise {@code pw-<user>}.
     *
     * @param user the local part
     * @return the password
     */
    @Override
    public String password(String user) {
        return accounts.getOrDefault(user, "pw-" + user);
    }

    /**
     * Creates an account by in-band registration over a separate connection.
     *
     * @param user     the local part
     * @param password the password
     * @throws XMPPException.XMPPErrorException if the server refuses, e.g. with {@code conflict} if the account exists
     * @throws SmackException                   if the connection fails on the client side
     * @throws IOException                      if a network error occurs
     * @throws XMPPException                    if the server refuses the stream
     * @throws InterruptedException             if the thread is interrupted
     */
    public void createAccount(String user, String password)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection c = newConnection(user, DEFAULT_RESOURCE);
        try {
            c.connect();
            AccountManager am = AccountManager.getInstance(c);
            am.sensitiveOperationOverInsecureConnection(!tls());
            am.createAccount(jid(user).getLocalpart(), password);
            accounts.put(user, password);
        } finally {
            c.disconnect();
        }
    }

    /**
     * Creates the account with its default {@link #password(String)} unless this server already created it.
     *
     * @param user the local part
     * @throws IllegalStateException if registration fails
     */
    @Override
    public void ensureAccount(String user) {
        if (accounts.containsKey(user)) {
            return;
        }
        XMPPTCPConnection c = newConnection(user, DEFAULT_RESOURCE);
        try {
            c.connect();
            register(c, user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating account " + user, e);
        } catch (SmackException | IOException | XMPPException e) {
            throw new IllegalStateException("Cannot create account " + user + ": " + e, e);
        } finally {
            c.disconnect();
        }
    }

    /**
     * Connects and logs in as a user with resource {@value #DEFAULT_RESOURCE}, creating the account if needed. Under
     * {@link ProsodyTest} or {@link EjabberdTest} the connection is disconnected after the test.
     *
     * @param user the local part
     * @return the authenticated connection
     * @throws SmackException       if the connection fails on the client side
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream, the registration or the login
     * @throws InterruptedException if the thread is interrupted
     */
    @Override
    public XMPPTCPConnection connect(String user)
            throws SmackException, IOException, XMPPException, InterruptedException {
        return connect(user, DEFAULT_RESOURCE);
    }

    /**
     * Connects and logs in as a user with the given resource, creating the account if needed. Under
     * {@link ProsodyTest} or {@link EjabberdTest} the connection is disconnected after the test.
     *
     * @param user     the local part
     * @param resource the resource
     * @return the authenticated connection
     * @throws SmackException       if the connection fails on the client side
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream, the registration or the login
     * @throws InterruptedException if the thread is interrupted
     */
    @Override
    public XMPPTCPConnection connect(String user, String resource)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection c = newConnection(user, resource);
        boolean ok = false;
        try {
            c.connect();
            register(c, user);
            c.login();
            ok = true;
        } finally {
            if (!ok) {
                c.disconnect();
            }
        }
        synchronized (connections) {
            connections.add(c);
        }
        return c;
    }

    /**
     * A Smack configuration builder for a user of this server (credentials, host, port, trust, SCRAM,
     * {@code TCP_NODELAY}, resource {@value #DEFAULT_RESOURCE}), for tests that create and connect connections
     * themselves. The account is created if needed.
     *
     * @param user the local part
     * @return a new builder
     * @throws IllegalStateException if the account cannot be created
     */
    @Override
    public XMPPTCPConnectionConfiguration.Builder configBuilder(String user) {
        ensureAccount(user);
        return iotBuilderFor(user).build().toSmackConfigurationBuilder();
    }

    /**
     * The SDK's connection configuration for a user of this server; pass it to
     * {@link IotConnection#connect(IotConnectionConfig)}. The account is created if needed.
     *
     * @param user the local part
     * @return the configuration
     * @throws IllegalStateException if the account cannot be created
     */
    @Override
    public IotConnectionConfig iotConfig(String user) {
        return iotConfigBuilder(user).build();
    }

    /**
     * A builder of the SDK's connection configuration for a user of this server, to adjust before building: for
     * example {@code .port(proxy.port())} to connect through a {@link FaultProxy}, a resource, or a
     * {@link io.github.xmppiot.core.connection.ReconnectPolicy}. The account is created if needed.
     *
     * @param user the local part
     * @return a builder with credentials, host, port, trust and resource {@value #DEFAULT_RESOURCE} set
     * @throws IllegalStateException if the account cannot be created
     */
    public IotConnectionBuilder iotConfigBuilder(String user) {
        ensureAccount(user);
        return iotBuilderFor(user);
    }

    /** Disconnects every connection created by {@link #connect(String, String)} that is still tracked. */
    @Override
    public void disconnectAll() {
        disconnectFrom(0);
    }

    /**
     * Stops the server cleanly (as a service stop does) and starts it again on the same port with the same data, so
     * accounts and rosters persist. Open connections lose their stream, as with a real server restart. Returns once
     * the server accepts connections again.
     *
     * @throws IllegalStateException if the server does not come back
     */
    public void restart() {
        instance.restart();
    }

    /**
     * Kills the server with SIGKILL (as a power cut or the out-of-memory killer would: no stream is closed, sessions
     * and XEP-0198 resumption state are lost) and starts it again on the same port with the same data. Returns once
     * the server accepts connections again.
     *
     * @throws IllegalStateException if the server does not come back
     */
    public void kill() {
        instance.killAndStart();
    }

    /** Disconnects all tracked connections, stops the server and deletes its directory. Safe to call twice. */
    @Override
    public void close() {
        try {
            disconnectAll();
        } finally {
            instance.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + domain() + " at " + HOST + ":" + port()
                + (tls() ? ", tls" : ", plaintext") + "]";
    }

    int connectionMark() {
        synchronized (connections) {
            return connections.size();
        }
    }

    void disconnectFrom(int mark) {
        List<XMPPTCPConnection> toClose;
        synchronized (connections) {
            int from = Math.min(mark, connections.size());
            List<XMPPTCPConnection> tail = connections.subList(from, connections.size());
            toClose = new ArrayList<>(tail);
            tail.clear();
        }
        for (XMPPTCPConnection c : toClose) {
            c.disconnect();
        }
    }

    long logPosition() {
        return ProsodyFiles.size(instance.logFile());
    }

    String logSince(long position) {
        return instance.logSince(position);
    }

    private void register(XMPPTCPConnection c, String user) throws SmackException, XMPPException, InterruptedException {
        if (accounts.containsKey(user)) {
            return;
        }
        AccountManager am = AccountManager.getInstance(c);
        am.sensitiveOperationOverInsecureConnection(!tls());
        String password = password(user);
        try {
            am.createAccount(jid(user).getLocalpart(), password);
        } catch (XMPPException.XMPPErrorException e) {
            if (e.getStanzaError().getCondition() != StanzaError.Condition.conflict) {
                throw e;
            }
            // created concurrently by another thread with the same default password
        }
        accounts.putIfAbsent(user, password);
    }

    private XMPPTCPConnection newConnection(String user, String resource) {
        XMPPTCPConnectionConfiguration config;
        try {
            config = iotBuilderFor(user)
                    .build()
                    .toSmackConfigurationBuilder()
                    .setResource(Resourcepart.from(resource))
                    .build();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid resource: '" + resource + "'", e);
        }
        XMPPTCPConnection c = new IotTcpConnection(config);
        c.setReplyTimeout(REPLY_TIMEOUT.toMillis());
        return c;
    }

    private IotConnectionBuilder iotBuilderFor(String user) {
        IotConnectionBuilder b = IotConnection.builder()
                .jid(jid(user))
                .password(password(user))
                .host(HOST)
                .port(port())
                .resource(DEFAULT_RESOURCE)
                .replyTimeout(REPLY_TIMEOUT);
        certificate().ifPresentOrElse(b::trustCertificate, b::plaintext);
        return b;
    }
}
