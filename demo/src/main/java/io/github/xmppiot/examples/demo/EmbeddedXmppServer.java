package io.github.xmppiot.examples.demo;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionBuilder;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.core.connection.PemTrust;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.apache.vysper.storage.inmemory.MemoryStorageProviderRegistry;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.AccountCreationException;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.modules.roster.RosterException;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.SubscriptionType;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManager;
import org.apache.vysper.xmpp.server.XMPPServer;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * An XMPP server inside the JVM for the demo: Apache Vysper 0.7 on a loopback port chosen by the operating system
 * ({@link LoopbackEndpoint}), with in-memory accounts and a self-signed certificate created at start (no files,
 * nothing left behind).
 *
 * <p>Vysper 0.7 has limits the demo works around, all of them here:
 * <ul>
 *   <li>It offers only SASL PLAIN, so client configurations opt in to PLAIN (over STARTTLS).</li>
 *   <li>It relays an IQ between two users only when they share a presence subscription (otherwise it answers
 *       {@code service-unavailable} itself), so every account is made a mutual contact ({@code both}) of every other
 *       account in the server's roster storage.</li>
 *   <li>It answers disco#info sent to a user's full JID itself, so the demo addresses entities by configured JIDs and
 *       never relies on disco.</li>
 *   <li>It tells a user who logs in about contacts already online with presences from their bare JIDs, so every
 *       connection made here announces its presence again when another one logs in.</li>
 *   <li>Its stream negotiation fails now and then (see {@link #connect(IotConnectionConfig)}), so connecting
 *       retries.</li>
 *   <li>It does not answer the closing stream tag, so connections to it are shut down with
 *       {@link XMPPTCPConnection#instantShutdown()} instead of waiting for the reply timeout.</li>
 * </ul>
 */
public final class EmbeddedXmppServer implements AutoCloseable {

    /** Domain used by the demo; {@code .localhost} names are reserved for loopback (RFC 6761). */
    public static final String DEFAULT_DOMAIN = "iot.localhost";

    /** Connection attempts before giving up (see {@link #connect(IotConnectionConfig)}). */
    public static final int CONNECT_ATTEMPTS = 3;

    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(3);
    private static final char[] STORE_PASSWORD = "vysper-demo".toCharArray();

    private final String domain;
    private final int port;
    private final XMPPServer server;
    private final X509Certificate certificate;
    private final AccountManagement accounts;
    private final RosterManager rosters;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    private EmbeddedXmppServer(
            String domain,
            int port,
            XMPPServer server,
            X509Certificate certificate,
            AccountManagement accounts,
            RosterManager rosters) {
        this.domain = domain;
        this.port = port;
        this.server = server;
        this.certificate = certificate;
        this.accounts = accounts;
        this.rosters = rosters;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param domain the XMPP domain, for example {@link #DEFAULT_DOMAIN}
     * @return the running server
     * @throws IOException if the server does not start
     */
    public static EmbeddedXmppServer start(String domain) throws IOException {
        SelfSignedCertificate tls;
        try {
            tls = SelfSignedCertificate.create(domain, Duration.ofDays(1));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the server certificate: " + e.getMessage(), e);
        }
        MemoryStorageProviderRegistry storage = new MemoryStorageProviderRegistry();
        XMPPServer server = new XMPPServer(domain);
        server.setStorageProviderRegistry(storage);
        LoopbackEndpoint endpoint = new LoopbackEndpoint();
        server.addEndpoint(endpoint);
        try {
            server.setTLSCertificateInfo(
                    new ByteArrayInputStream(tls.toKeyStore(STORE_PASSWORD)), new String(STORE_PASSWORD));
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IOException("the embedded XMPP server did not start: " + e.getMessage(), e);
        }
        return new EmbeddedXmppServer(
                domain,
                endpoint.port(),
                server,
                tls.certificate(),
                (AccountManagement) storage.retrieve(AccountManagement.class),
                (RosterManager) storage.retrieve(RosterManager.class));
    }

    /** @return the XMPP domain */
    public String domain() {
        return domain;
    }

    /** @return the loopback port clients connect to */
    public int port() {
        return port;
    }

    /** @return the server's self-signed certificate, the only one its clients trust */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Creates an account and makes it a mutual contact of every existing account (see the class comment).
     *
     * @param user     the local part
     * @param password the password
     * @return the account's bare JID
     * @throws IllegalArgumentException if the user name is not a valid local part or already exists
     */
    public synchronized EntityBareJid addAccount(String user, String password) {
        if (passwords.containsKey(user)) {
            throw new IllegalArgumentException("account " + user + " exists");
        }
        Entity entity = EntityImpl.parseUnchecked(user + "@" + domain);
        try {
            accounts.addUser(entity, password);
            for (String other : passwords.keySet()) {
                Entity o = EntityImpl.parseUnchecked(other + "@" + domain);
                rosters.addContact(entity, new RosterItem(o, SubscriptionType.BOTH));
                rosters.addContact(o, new RosterItem(entity, SubscriptionType.BOTH));
            }
        } catch (AccountCreationException | RosterException e) {
            throw new IllegalStateException("cannot create account " + user + ": " + e.getMessage(), e);
        }
        passwords.put(user, password);
        return JidCreate.entityBareFromOrThrowUnchecked(user + "@" + domain);
    }

    /**
     * A connection configuration builder for an account of this server: loopback host and port, STARTTLS trusting
     * exactly {@link #certificate()}, SASL PLAIN allowed (the only mechanism Vysper offers).
     *
     * @param user the local part of an account created by {@link #addAccount}
     * @return the builder, to which callers may add a resource or timeouts
     * @throws IllegalArgumentException if there is no such account
     */
    public synchronized IotConnectionBuilder configFor(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no account " + user);
        }
        return IotConnection.builder()
                .jid(user + "@" + domain)
                .password(password)
                .host(InetAddress.getLoopbackAddress().getHostAddress())
                .port(port)
                .trustManager(PemTrust.trustManager(List.of(certificate)))
                .allowPlainSasl();
    }

    /**
     * Connects and logs in as an account with resource {@code demo}; {@link #close()} shuts the connection down.
     *
     * @param user the local part of an account
     * @return the authenticated connection
     * @throws Exception if connecting or logging in fails
     */
    public XMPPTCPConnection connect(String user) throws Exception {
        return connect(configFor(user).resource("demo").build());
    }

    /**
     * Connects and logs in, retrying up to {@value #CONNECT_ATTEMPTS} times: Vysper 0.7 intermittently garbles or
     * stalls the stream negotiation (a second stream header, or no answer during STARTTLS or SASL), more often on a
     * loaded machine and with {@code TCP_NODELAY}, so these connections use the JVM's default sockets and a short
     * timeout while logging in. A failed attempt is shut down at once (Vysper never answers the closing stream tag,
     * so a normal disconnect would wait for the reply timeout); a refused login is not retried. {@link #close()}
     * shuts the connection down.
     *
     * @param config the configuration, typically from {@link #configFor}
     * @return the authenticated connection, with the configuration's reply timeout
     * @throws Exception if every attempt fails, or the login is refused
     */
    public XMPPTCPConnection connect(IotConnectionConfig config) throws Exception {
        return connect(config, c -> {});
    }

    /**
     * Connects and logs in as {@link #connect(IotConnectionConfig)} does, setting each attempt's connection up before
     * it logs in (for managers that must see what the server sends right after login).
     *
     * @param config      the configuration, typically from {@link #configFor}
     * @param beforeLogin sets a new connection up; runs before connecting, once per attempt
     * @return the authenticated connection, with the configuration's reply timeout
     * @throws Exception if every attempt fails, or the login is refused
     */
    public XMPPTCPConnection connect(IotConnectionConfig config, Consumer<XMPPTCPConnection> beforeLogin)
            throws Exception {
        XMPPTCPConnectionConfiguration smack = config.toSmackConfigurationBuilder()
                .setSocketFactory(SocketFactory.getDefault())
                .build();
        Exception last = null;
        for (int attempt = 0; attempt < CONNECT_ATTEMPTS; attempt++) {
            XMPPTCPConnection c = new io.github.xmppiot.core.connection.IotTcpConnection(smack);
            c.setReplyTimeout(LOGIN_TIMEOUT.toMillis());
            beforeLogin.accept(c);
            try {
                c.connect().login();
                c.setReplyTimeout(config.replyTimeout().toMillis());
                // a round trip on the new session: Vysper handles a session's stanzas in order, so the initial
                // presence has been processed (the user is available) when the roster answer arrives
                Roster.getInstanceFor(c).reloadAndWait();
                announceOthersTo(c);
                track(c);
                return c;
            } catch (SASLErrorException e) {
                c.instantShutdown();
                throw e;
            } catch (SmackException | IOException | XMPPException e) {
                c.instantShutdown();
                last = e;
            }
        }
        throw last;
    }

    /**
     * Has every tracked connection send its presence again, so that a new connection learns their full JIDs: Vysper
     * 0.7 tells a user who logs in about contacts already online with presences from their bare JIDs, which clients
     * cannot address requests to.
     */
    private void announceOthersTo(XMPPTCPConnection newcomer)
            throws SmackException.NotConnectedException, InterruptedException {
        List<XMPPTCPConnection> others;
        synchronized (this) {
            others = new ArrayList<>(connections);
        }
        for (XMPPTCPConnection other : others) {
            if (other != newcomer && other.isAuthenticated()) {
                other.sendStanza(other.getStanzaFactory()
                        .buildPresenceStanza()
                        .ofType(Presence.Type.available)
                        .build());
            }
        }
    }

    /**
     * Has {@link #close()} shut down a connection made elsewhere.
     *
     * @param connection the connection
     */
    public synchronized void track(XMPPTCPConnection connection) {
        connections.add(connection);
    }

    /** Shuts down every tracked connection and stops the server. */
    @Override
    public void close() {
        List<XMPPTCPConnection> open;
        synchronized (this) {
            open = new ArrayList<>(connections);
            connections.clear();
        }
        for (XMPPTCPConnection c : open) {
            c.instantShutdown();
        }
        server.stop();
    }

    @Override
    public String toString() {
        return "EmbeddedXmppServer[" + domain + " on 127.0.0.1:" + port + "]";
    }
}
