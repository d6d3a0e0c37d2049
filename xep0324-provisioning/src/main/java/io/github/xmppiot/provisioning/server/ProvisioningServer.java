package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.element.UserLoggedIn;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import io.github.xmppiot.provisioning.provider.ProvisioningProviders;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A XEP-0324 provisioning server running on an XMPP account (§5.1 "JID vs Component Provisioning Servers"). It
 * advertises {@code urn:xmpp:iot:provisioning} (§4), accepts every presence subscription and subscribes back (to see
 * which Things are online), answers {@code isFriend}, {@code canRead}, {@code canControl}, the token requests and the
 * service requests from the rules in its {@link ProvisioningStore}, and lets owners manage those rules with the
 * ad-hoc commands of {@link OwnerCommands}. Ownership needs proof ({@link OwnerCommands#CLAIM}). A rule naming a
 * token applies to a request only after the requester proved possession of the token by answering a
 * {@code tokenChallenge} (§3.1.3.2), which is then believed for {@link ServerOptions#tokenProofLifetime()}.
 *
 * <p>When rules affecting a Thing change, the Thing is marked in the store as owed a {@code clearCache}; the
 * {@code clearCache} is sent at once if the Thing is online, otherwise when it comes back online (§3.5.1), also after
 * a restart of the server. The mark is removed when the Thing acknowledges, unless the rules changed again meanwhile
 * (the mark has a generation; a later change gets another {@code clearCache}). At most one {@code clearCache} per
 * Thing is in flight. Several servers may share one database ({@link JdbcProvisioningStore} on PostgreSQL), each on
 * its own account: a Thing is online at the server it trusts, which finds marks set through another server by
 * looking in the store every {@link ServerOptions#clearCachePoll()}. The server keeps no rules in memory: every
 * decision reads the store, so a rule changed through another server applies to the next request.
 *
 * <p>{@link #start} replaces the connection's parsing-exception callback by a logging one, so that a stanza Smack
 * cannot parse does not disconnect the server.
 *
 * <p>Settings and threads: the server runs on its {@link ProvisioningServerSettings} (swapped atomically by
 * {@link #configure} and {@link #update}; every request is served with the settings current when it arrived) and on
 * a lease of their {@link io.github.xmppiot.core.concurrent.IotExecutors}: database work on the bounded work pool (a
 * request the full pool refuses is answered {@code wait/resource-constraint}), presence events and {@code clearCache}
 * pushes one at a time in arrival order (at most {@value #EVENT_QUEUE} waiting), the poll on the timer. {@link #close()}
 * gives the lease back.
 *
 * @since 0.1.0
 */
public final class ProvisioningServer extends Manager implements AutoCloseable {

    /** The server running on each connection (one at most, as one manager per connection). */
    private static final Map<XMPPConnection, ProvisioningServer> RUNNING = new WeakHashMap<>();

    private static final Logger LOG = Logger.getLogger(ProvisioningServer.class.getName());

    /** The most presence and login events waiting to be handled; beyond, an event is left to the next poll. */
    public static final int EVENT_QUEUE = 10_000;

    static {
        ProvisioningProviders.register();
    }

    /** The serial executor of events and the lease it runs on. */
    private record Events(IotExecutors.Lease lease, Executor executor) {
        static Events on(IotExecutors.Lease lease) {
            return new Events(lease, lease.serial(EVENT_QUEUE));
        }
    }

    private final ProvisioningStore store;
    /** The settings in force and the lease of their executors. */
    private final LeasedSettings<ProvisioningServerSettings> runtime;

    private volatile Events events;
    private final List<IQRequestHandler> handlers;
    private final CommandHandler commands;
    private final TokenIssuer issuer;
    private final OwnerActions owners;
    private final ClearCachePusher pusher;
    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ScheduledFuture<?> poll;
    private SubscribeListener subscribeListener;
    private PresenceEventListener presenceListener;
    private StanzaListener loginListener;

    private ProvisioningServer(
            XMPPConnection connection, ProvisioningStore store, ProvisioningServerSettings settings) {
        super(connection);
        this.store = store;
        this.runtime = new LeasedSettings<>(settings, ProvisioningServerSettings::executors);
        this.events = Events.on(runtime.current().lease());
        Supplier<ServerOptions> options = () -> runtime.settings().options();
        Supplier<Executor> work = () -> runtime.current().work();
        this.issuer = new TokenIssuer(Clock.systemUTC(), options);
        TokenProofs proofs = new TokenProofs(store, this::challengeToken, work, Clock.systemUTC(), options);
        this.handlers = ServerHandlers.create(connection, work, store, issuer, proofs, options);
        this.commands = new CommandHandler(connection, this, work);
        this.owners = new OwnerActions(this, store);
        this.pusher = new ClearCachePusher(connection, store, () -> events.executor(), listeners);
    }

    /**
     * Starts the server on a logged-in connection with {@link ProvisioningServerSettings#DEFAULTS}: no configured
     * owner and no trusted registry, so Things are claimed with their claim key ({@link OwnerCommands#CLAIM}).
     *
     * @param connection the server account's connection
     * @param store      the rules; stays open when the server closes (its owner closes it)
     * @return the running server
     */
    public static ProvisioningServer start(XMPPConnection connection, ProvisioningStore store) {
        return start(connection, store, ProvisioningServerSettings.DEFAULTS);
    }

    /**
     * Starts the server on a logged-in connection. Log it in with its presence withheld
     * ({@link io.github.xmppiot.core.connection.Readiness#holdPresence}) and announce it after this call: friend
     * requests that waited on the XMPP server are delivered with the first available presence (RFC 6121 §3.1.3), and
     * must meet this server's subscription rules, not Smack's default.
     *
     * @param connection the server account's connection
     * @param store      the rules; stays open when the server closes (its owner closes it)
     * @param settings   configured owners, trusted registries, bounds and executors
     * @return the running server
     * @throws IllegalStateException if a provisioning server runs on the connection already
     */
    public static ProvisioningServer start(
            XMPPConnection connection, ProvisioningStore store, ProvisioningServerSettings settings) {
        Objects.requireNonNull(connection, "connection");
        ProvisioningServer s;
        synchronized (RUNNING) {
            if (RUNNING.containsKey(connection)) {
                throw new IllegalStateException(
                        "a ProvisioningServer runs on this connection already: close() it before starting another");
            }
            s = new ProvisioningServer(
                    connection,
                    Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(settings, "settings: use ProvisioningServerSettings.DEFAULTS"));
            RUNNING.put(connection, s);
        }
        s.register(connection);
        return s;
    }

    private void register(XMPPConnection connection) {
        // a stanza Smack cannot parse must not disconnect the server (Smack's default callback rethrows)
        UnparsableStanzas.installOn(connection);
        handlers.forEach(connection::registerIQRequestHandler);
        ServiceDiscoveryManager.getInstanceFor(connection).addFeature(ProvisioningIq.NAMESPACE);
        Roster roster = Roster.getInstanceFor(connection);
        subscribeListener = (from, p) -> SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
        roster.addSubscribeListener(subscribeListener);
        presenceListener = new AbstractPresenceEventListener() {
            @Override
            public void presenceAvailable(FullJid address, Presence presence) {
                pusher.online().put(address.asBareJid(), address);
                pusher.push(address.asBareJid().toString());
            }

            @Override
            public void presenceUnavailable(FullJid address, Presence presence) {
                pusher.online().remove(address.asBareJid(), address);
            }
        };
        roster.addPresenceEventListener(presenceListener);
        loginListener = stanza -> userLoggedIn((Message) stanza);
        connection.addAsyncStanzaListener(
                loginListener, new StanzaExtensionFilter(UserLoggedIn.ELEMENT, ProvisioningIq.NAMESPACE));
        commands.register(connection);
        for (BareJid contact : roster.getEntries().stream().map(e -> e.getJid()).toList()) {
            Presence p = roster.getPresence(contact);
            if (p.isAvailable() && p.getFrom() instanceof FullJid full) {
                pusher.online().put(contact, full);
            }
        }
        pusher.pollAll();
        synchronized (this) {
            schedulePoll(runtime.current());
        }
    }

    /** (Re)schedules the look for marks set through another server, every {@link ServerOptions#clearCachePoll()}. */
    private void schedulePoll(LeasedSettings.Snapshot<ProvisioningServerSettings> r) {
        if (poll != null) {
            poll.cancel(false);
        }
        long every = r.settings().options().clearCachePoll().toMillis();
        poll = r.lease().timer().scheduleWithFixedDelay(pusher::pollAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** @return the settings in force (every request is served with the settings current when it arrived) */
    public ProvisioningServerSettings settings() {
        return runtime.settings();
    }

    /**
     * Replaces the settings atomically: requests arriving from now on are served with them. Other executors are
     * leased at once and the previous lease is given back (work already queued on it still runs).
     *
     * @param settings the new settings
     * @throws IllegalStateException if the server is closed
     */
    public synchronized void configure(ProvisioningServerSettings settings) {
        Objects.requireNonNull(settings, "settings: use ProvisioningServerSettings.DEFAULTS");
        if (closed.get()) {
            throw new IllegalStateException("the provisioning server is closed; start a new one");
        }
        LeasedSettings.Snapshot<ProvisioningServerSettings> old = runtime.current();
        LeasedSettings.Snapshot<ProvisioningServerSettings> next = runtime.configure(settings);
        boolean otherThreads = next.lease() != old.lease();
        if (otherThreads) {
            events = Events.on(next.lease());
        }
        if (otherThreads
                || !old.settings()
                        .options()
                        .clearCachePoll()
                        .equals(settings.options().clearCachePoll())) {
            schedulePoll(next);
        }
    }

    /**
     * Changes some settings atomically, for example {@code server.update(b -> b.options(newOptions))}.
     *
     * @param change applied to a builder holding the current settings
     * @throws IllegalStateException if the server is closed
     */
    public synchronized void update(UnaryOperator<ProvisioningServerSettings.Builder> change) {
        configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(ServerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(ServerListener listener) {
        listeners.remove(listener);
    }

    /** @return the store */
    public ProvisioningStore store() {
        return store;
    }

    /** @return the Things (and other contacts) currently seen online, bare JID to full JID */
    public Map<BareJid, FullJid> online() {
        return Map.copyOf(pusher.online());
    }

    /**
     * Notes that rules affecting a Thing changed (XEP-0324 §3.5.1): marks it as owed a {@code clearCache} and sends
     * it if the Thing is online.
     *
     * @param thing the Thing's bare JID
     * @return a stage completing when the mark is committed (the {@code clearCache} follows asynchronously)
     */
    public CompletableFuture<Void> rulesChanged(String thing) {
        return Work.supply(runtime.current().work(), () -> {
            changed(thing);
            return null;
        });
    }

    /**
     * Challenges the use of a token (XEP-0324 §3.1.3.2): encrypts a random block with the public key of the
     * certificate behind the token and sends it in a {@code tokenChallenge} to {@code to}, the party that used the
     * token; it, or the party it relays the challenge to, must return the block decrypted.
     *
     * @param to    the full JID that sent the token
     * @param token a token issued by this server
     * @return true if the answer is correct; false if it is wrong, refused or missing, or the token is unknown
     */
    public CompletableFuture<Boolean> challengeToken(Jid to, String token) {
        return Work.supply(runtime.current().work(), () -> store.tokenCertificate(token))
                .thenCompose(cert -> {
                    if (cert.isEmpty()) {
                        return CompletableFuture.completedFuture(false);
                    }
                    byte[] plain = issuer.randomBytes(TokenCrypto.CHALLENGE_SIZE);
                    TokenChallenge challenge;
                    try {
                        challenge = new TokenChallenge(
                                token,
                                TokenCrypto.encrypt(
                                        TokenCrypto.certificate(cert.get()).getPublicKey(), plain));
                    } catch (GeneralSecurityException e) {
                        return CompletableFuture.completedFuture(false);
                    }
                    challenge.setTo(to);
                    return Iqs.request(connection(), challenge, TokenChallengeResponse.class)
                            .thenApply(r -> MessageDigest.isEqual(plain, r.bytes()))
                            .exceptionally(e -> false);
                });
    }

    /** @return what the owner commands do */
    OwnerActions owners() {
        return owners;
    }

    /** Fails once the server is closed (owner changes are then refused). */
    void requireOpen() throws SQLException {
        if (closed.get()) {
            throw new SQLException("the provisioning server is closed");
        }
    }

    /** Marks a Thing as owed a {@code clearCache} (committed) and sends it if the Thing is online. */
    void changed(String thing) throws SQLException {
        store.setClearPending(thing, true);
        pusher.push(thing);
    }

    /** Sends a message with one provisioning element to a Thing, at its full JID if it is online. */
    void sendToThing(String thing, ExtensionElement element) throws Exception {
        BareJid bare = JidCreate.bareFrom(thing);
        FullJid full = pusher.online().get(bare);
        Jid to = full != null ? full : bare;
        XMPPConnection connection = connection();
        connection.sendStanza(connection
                .getStanzaFactory()
                .buildMessageStanza()
                .to(to)
                .addExtension(element)
                .build());
    }

    private void userLoggedIn(Message m) {
        UserLoggedIn u = m.getExtension(UserLoggedIn.class);
        String service = m.getFrom().asBareJid().toString();
        pusher.submit(() -> {
            try {
                store.setUserName(service, u.userToken(), u.userName());
                listeners.forEach(l -> l.userLoggedIn(service, u.userName()));
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "could not record the login of " + u.userName(), e);
            }
        });
    }

    /**
     * Unregisters the handlers and listeners, removes the disco feature and the command listing, stops the poll and
     * gives the executor lease back; the store and the connection stay open. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        XMPPConnection connection = connection();
        for (IQRequestHandler h : handlers) {
            connection.unregisterIQRequestHandler(h);
        }
        commands.unregister(connection);
        Roster roster = Roster.getInstanceFor(connection);
        roster.removeSubscribeListener(subscribeListener);
        roster.removePresenceEventListener(presenceListener);
        connection.removeAsyncStanzaListener(loginListener);
        ServiceDiscoveryManager.getInstanceFor(connection).removeFeature(ProvisioningIq.NAMESPACE);
        synchronized (this) {
            if (poll != null) {
                poll.cancel(false);
            }
            runtime.close();
        }
        synchronized (RUNNING) {
            RUNNING.remove(connection, this);
        }
    }
}
