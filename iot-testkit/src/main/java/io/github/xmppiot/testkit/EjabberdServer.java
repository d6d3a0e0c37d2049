package io.github.xmppiot.testkit;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionBuilder;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.testkit.internal.EjabberdInstance;
import io.github.xmppiot.testkit.internal.Executables;
import io.github.xmppiot.testkit.internal.ProsodyFiles;
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
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A real ejabberd XMPP server (the Debian/Ubuntu {@code ejabberd} package) for tests, in its own temporary directory on
 * a free loopback port, as a second server beside {@link ProsodyServer}. Use it through {@link EjabberdTest} in JUnit,
 * or directly:
 *
 * {@code try (EjabberdServer server = EjabberdServer.start()) { XMPPTCPConnection alice = server.connect("alice"); }}
 *
 * <p>The server requires STARTTLS with the cached self-signed test certificate, offers SCRAM-SHA-1 (Smack 4.4 has no
 * SCRAM-SHA-256), stream management (XEP-0198), in-band registration and a pubsub service at {@code pubsub.<domain>},
 * applies no traffic shaper and sets {@code TCP_NODELAY} on accepted sockets. Starting takes several seconds (the
 * Erlang VM and Mnesia), so start one server per test class. Accounts are created on demand by in-band registration
 * (XEP-0077) with the password {@link #password(String)}. Connections use the SDK's own settings
 * ({@link IotConnectionConfig}), resource {@value #DEFAULT_RESOURCE}. The methods are thread-safe.
 */
public final class EjabberdServer implements XmppTestServer {

    /** The XMPP domain of the test server. */
    public static final String DOMAIN = "localhost";
    /** System property naming the {@code ejabberdctl} script whose {@code ERL_LIBS} is used. */
    public static final String EJABBERDCTL_PROPERTY = "xmpp.it.ejabberdctl";
    /** How long the kit waits for ejabberd to listen. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String INSTALL_HINT = "The ejabberd integration tests (*IT) run a real ejabberd. Install it"
            + " with: sudo apt-get install -y ejabberd   (Debian/Ubuntu; or run scripts/test-deps.sh). Or skip these"
            + " tests explicitly with -D" + ProsodyExtension.SKIP_PROPERTY + "=true.";

    /** Resource of connections created by {@link #connect(String)}. */
    public static final String DEFAULT_RESOURCE = "test";
    /** Loopback address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** Reply timeout of the connections this class creates. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final EjabberdInstance instance;
    private final String domain;
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    private EjabberdServer(EjabberdInstance instance, String domain) {
        this.instance = instance;
        this.domain = domain;
    }

    /**
     * Starts a server for domain {@value #DOMAIN}, with ejabberd found as described in {@link #ejabberdLibraries()}.
     *
     * @return the running server
     * @throws EjabberdNotInstalledException if ejabberd, Erlang or openssl is missing
     */
    public static EjabberdServer start() {
        return start("info");
    }

    /**
     * Starts a server with STARTTLS required and the given log level.
     *
     * @param logLevel ejabberd's log level: {@code info} (the default) or {@code debug}, which logs every stanza
     * @return the running server
     */
    public static EjabberdServer start(String logLevel) {
        return start(logLevel, true);
    }

    /**
     * Starts a server for domain {@value #DOMAIN}, with STARTTLS required or, for benchmarks that compare payload
     * costs with a plaintext Prosody, plaintext only.
     *
     * @param logLevel ejabberd's log level: {@code info} or {@code debug}
     * @param tls      whether clients must use STARTTLS
     * @return the running server
     * @throws EjabberdNotInstalledException if ejabberd, Erlang or openssl is missing; the message says how to install
     * @throws IllegalStateException         if the server does not start; the message contains ejabberd's log
     */
    public static EjabberdServer start(String logLevel, boolean tls) {
        Path libs = ejabberdLibraries();
        Path erl = Executables.find("erl").orElseThrow(() -> new EjabberdNotInstalledException(
                "Erlang's 'erl' was not found; it comes with ejabberd. " + INSTALL_HINT));
        return new EjabberdServer(EjabberdInstance.start(erl, libs, DOMAIN, logLevel, START_TIMEOUT, tls,
                Optional.ofNullable(System.getProperty(ProsodyOptions.CERT_DIR_PROPERTY)).map(Path::of).orElse(null)),
                DOMAIN);
    }

    /**
     * Where ejabberd's Erlang applications are: the {@code ERL_LIBS} that the {@code ejabberdctl} script (system
     * property {@value #EJABBERDCTL_PROPERTY}, default {@code ejabberdctl} on the {@code PATH} or in
     * {@code /usr/sbin}) sets.
     *
     * @return the directory
     * @throws EjabberdNotInstalledException if ejabberd is not installed
     */
    public static Path ejabberdLibraries() {
        String command = System.getProperty(EJABBERDCTL_PROPERTY, "ejabberdctl");
        Path ctl = Executables.find(command).orElseThrow(() -> new EjabberdNotInstalledException(
                "The ejabberd XMPP server is not installed (no executable '" + command + "' found). " + INSTALL_HINT));
        return EjabberdInstance.erlLibs(ctl).orElseThrow(() -> new EjabberdNotInstalledException("Cannot tell from "
                + ctl + " where ejabberd's Erlang applications are (no ERL_LIBS line naming a directory); this kit"
                + " supports the Debian/Ubuntu package. " + INSTALL_HINT));
    }

    /** @return the XMPP domain of the server's virtual host */
    public String domain() {
        return domain;
    }

    /** @return the c2s port on {@value #HOST} */
    public int port() {
        return instance.port();
    }

    /** @return true if clients must use STARTTLS (the default), false for a plaintext-only server */
    public boolean tls() {
        return instance.certificate().isPresent();
    }

    /** @return the PEM certificate clients must trust, or empty for a plaintext-only server */
    public Optional<Path> certificate() {
        return instance.certificate();
    }

    /** @return the address of the pubsub service (XEP-0060), {@code pubsub.<domain>} */
    public String pubsubService() {
        return "pubsub." + domain();
    }

    /** @return the server's private temporary directory (configuration, data, logs); deleted by {@link #close()} */
    public Path directory() {
        return instance.directory();
    }

    /** @return ejabberd's log file */
    public Path logFile() {
        return instance.logFile();
    }

    /** @return ejabberd's log so far, followed by anything the process printed to its console */
    public String log() {
        return instance.logSince(0);
    }

    /** @return true while the ejabberd VM runs */
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
    public EntityBareJid jid(String user) {
        try {
            return JidCreate.entityBareFrom(Localpart.from(user), Domainpart.from(domain()));
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid local part: '" + user + "'", e);
        }
    }

    /**
     * The password of a user: {@code pw-<user>}.
     *
     * @param user the local part
     * @return the password
     */
    public String password(String user) {
        return accounts.getOrDefault(user, "pw-" + user);
    }

    /**
     * Creates the account with its default {@link #password(String)} unless this server already created it.
     *
     * @param user the local part
     * @throws IllegalStateException if registration fails
     */
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
     * {@link EjabberdTest} the connection is disconnected after the test.
     *
     * @param user the local part
     * @return the authenticated connection
     * @throws SmackException       if the connection fails on the client side
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream, the registration or the login
     * @throws InterruptedException if the thread is interrupted
     */
    public XMPPTCPConnection connect(String user)
            throws SmackException, IOException, XMPPException, InterruptedException {
        return connect(user, DEFAULT_RESOURCE);
    }

    /**
     * Connects and logs in as a user with the given resource, creating the account if needed. Under
     * {@link EjabberdTest} the connection is disconnected after the test.
     *
     * @param user     the local part
     * @param resource the resource
     * @return the authenticated connection
     * @throws SmackException       if the connection fails on the client side
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream, the registration or the login
     * @throws InterruptedException if the thread is interrupted
     */
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
    public XMPPTCPConnectionConfiguration.Builder configBuilder(String user) {
        ensureAccount(user);
        return iotConfigFor(user).toSmackConfigurationBuilder();
    }

    /**
     * The SDK's connection configuration for a user of this server; pass it to
     * {@link IotConnection#connect(IotConnectionConfig)}. The account is created if needed.
     *
     * @param user the local part
     * @return the configuration
     * @throws IllegalStateException if the account cannot be created
     */
    public IotConnectionConfig iotConfig(String user) {
        ensureAccount(user);
        return iotConfigFor(user);
    }

    /** Disconnects every connection created by {@link #connect(String, String)} that is still tracked. */
    public void disconnectAll() {
        disconnectFrom(0);
    }

    /**
     * Stops ejabberd (cleanly, as a service stop does) and starts it again on the same port with the same Mnesia
     * spool, so accounts and rosters persist. Open connections lose their stream, as with a real server restart.
     *
     * @throws IllegalStateException if the server does not come back
     */
    public void restart() {
        instance.restart();
    }

    /** Disconnects all tracked connections, stops ejabberd and deletes its directory. Safe to call twice. */
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
        return "EjabberdServer[" + domain() + " at " + HOST + ":" + port() + (tls() ? ", tls" : ", plaintext") + "]";
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

    private void register(XMPPTCPConnection c, String user)
            throws SmackException, XMPPException, InterruptedException {
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
        XMPPTCPConnectionConfiguration config = iotConfigFor(user).toSmackConfigurationBuilder()
                .setResource(resourcepart(resource)).build();
        XMPPTCPConnection c = new io.github.xmppiot.core.connection.IotTcpConnection(config);
        c.setReplyTimeout(REPLY_TIMEOUT.toMillis());
        return c;
    }

    private IotConnectionConfig iotConfigFor(String user) {
        IotConnectionBuilder b = IotConnection.builder()
                .jid(jid(user))
                .password(password(user))
                .host(HOST)
                .port(port())
                .resource(DEFAULT_RESOURCE)
                .replyTimeout(REPLY_TIMEOUT);
        certificate().ifPresentOrElse(b::trustCertificate, b::plaintext);
        return b.build();
    }

    private static org.jxmpp.jid.parts.Resourcepart resourcepart(String resource) {
        try {
            return org.jxmpp.jid.parts.Resourcepart.from(resource);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid resource: '" + resource + "'", e);
        }
    }
}
