package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.provisioning.element.ClearCache;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
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
 * @since 0.1.0
 */
public final class ProvisioningServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProvisioningServer.class.getName());

    static {
        ProvisioningProviders.register();
    }

    private final XMPPConnection connection;
    private final ProvisioningStore store;
    private final ServerOptions options;
    private final ScheduledExecutorService executor;
    private final List<IQRequestHandler> handlers;
    private final TokenIssuer issuer;
    private final OwnerActions owners;
    private final Map<BareJid, FullJid> online = new ConcurrentHashMap<>();
    /** Things with a {@code clearCache} awaiting its acknowledgement; bounded by the Things online. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private SubscribeListener subscribeListener;
    private PresenceEventListener presenceListener;
    private StanzaListener loginListener;

    private ProvisioningServer(XMPPConnection connection, ProvisioningStore store, ServerOptions options) {
        this.connection = connection;
        this.store = store;
        this.options = options;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xep0324-server");
            t.setDaemon(true);
            return t;
        });
        this.issuer =
                new TokenIssuer(Clock.systemUTC(), options.pendingChallengesPerJid(), options.pendingChallengesTotal());
        TokenProofs proofs = new TokenProofs(store, this::challengeToken, executor, Clock.systemUTC(), options);
        this.handlers = ServerHandlers.create(connection, executor, store, issuer, proofs, options);
        this.owners = new OwnerActions(this, store);
    }

    /**
     * Starts the server on a logged-in connection with {@link ServerOptions#defaults()}: no configured owner and no
     * trusted registry, so Things are claimed with their claim key ({@link OwnerCommands#CLAIM}).
     *
     * @param connection the server account's connection
     * @param store      the rules
     * @return the running server
     */
    public static ProvisioningServer start(XMPPConnection connection, ProvisioningStore store) {
        return start(connection, store, ServerOptions.defaults());
    }

    /**
     * Starts the server on a logged-in connection.
     *
     * @param connection the server account's connection
     * @param store      the rules
     * @param options    configured owners, trusted registries and bounds
     * @return the running server
     */
    public static ProvisioningServer start(XMPPConnection connection, ProvisioningStore store, ServerOptions options) {
        ProvisioningServer s = new ProvisioningServer(
                Objects.requireNonNull(connection, "connection"),
                Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(options, "options"));
        // a stanza Smack cannot parse must not disconnect the server (Smack's default callback rethrows)
        UnparsableStanzas.installOn(connection);
        s.handlers.forEach(connection::registerIQRequestHandler);
        ServiceDiscoveryManager.getInstanceFor(connection).addFeature(ProvisioningIq.NAMESPACE);
        Roster roster = Roster.getInstanceFor(connection);
        s.subscribeListener = (from, p) -> SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
        roster.addSubscribeListener(s.subscribeListener);
        s.presenceListener = new AbstractPresenceEventListener() {
            @Override
            public void presenceAvailable(FullJid address, Presence presence) {
                s.online.put(address.asBareJid(), address);
                s.submit(() -> s.pushIfPending(address.asBareJid().toString()));
            }

            @Override
            public void presenceUnavailable(FullJid address, Presence presence) {
                s.online.remove(address.asBareJid(), address);
            }
        };
        roster.addPresenceEventListener(s.presenceListener);
        s.loginListener = stanza -> s.userLoggedIn((Message) stanza);
        connection.addAsyncStanzaListener(
                s.loginListener, new StanzaExtensionFilter(UserLoggedIn.ELEMENT, ProvisioningIq.NAMESPACE));
        new CommandHandler(connection, s, s.executor).register(connection);
        for (BareJid contact : roster.getEntries().stream().map(e -> e.getJid()).toList()) {
            Presence p = roster.getPresence(contact);
            if (p.isAvailable() && p.getFrom() instanceof FullJid full) {
                s.online.put(contact, full);
            }
        }
        s.submit(s::pushAllPending);
        long poll = options.clearCachePoll().toMillis();
        s.executor.scheduleWithFixedDelay(s::pushAllPending, poll, poll, TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(ServerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @return the options the server was started with */
    public ServerOptions options() {
        return options;
    }

    /** @return the store */
    public ProvisioningStore store() {
        return store;
    }

    /** @return the Things (and other contacts) currently seen online, bare JID to full JID */
    public Map<BareJid, FullJid> online() {
        return Map.copyOf(online);
    }

    /**
     * Notes that rules affecting a Thing changed (XEP-0324 §3.5.1): marks it as owed a {@code clearCache} and sends
     * it if the Thing is online.
     *
     * @param thing the Thing's bare JID
     * @return a stage completing when the mark is committed (the {@code clearCache} follows asynchronously)
     */
    public CompletableFuture<Void> rulesChanged(String thing) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        store.setClearPending(thing, true);
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                    pushIfPending(thing);
                },
                executor);
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
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return store.tokenCertificate(token);
                            } catch (SQLException e) {
                                throw new CompletionException(e);
                            }
                        },
                        executor)
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
                    return Iqs.request(connection, challenge, TokenChallengeResponse.class)
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
        if (closed) {
            throw new SQLException("the provisioning server is closed");
        }
    }

    /** Marks a Thing as owed a {@code clearCache} (committed) and sends it if the Thing is online. */
    void changed(String thing) throws SQLException {
        store.setClearPending(thing, true);
        submit(() -> pushIfPending(thing));
    }

    /** Sends a message with one provisioning element to a Thing, at its full JID if it is online. */
    void sendToThing(String thing, ExtensionElement element) throws Exception {
        BareJid bare = JidCreate.bareFrom(thing);
        Jid to = online.containsKey(bare) ? online.get(bare) : bare;
        connection.sendStanza(connection
                .getStanzaFactory()
                .buildMessageStanza()
                .to(to)
                .addExtension(element)
                .build());
    }

    /**
     * Runs on the executor: sends {@code clearCache} to an online Thing owed one, unless one is in flight; on its
     * acknowledgement removes the mark of that generation, and sends another if the rules changed meanwhile.
     */
    private void pushIfPending(String thing) {
        try {
            FullJid to = online.get(JidCreate.bareFrom(thing));
            if (to == null || inFlight.contains(thing)) {
                return; // offline: pushed when it comes online; in flight: looked at again when acknowledged
            }
            OptionalLong generation = store.clearPendingGeneration(thing);
            if (generation.isEmpty()) {
                return;
            }
            inFlight.add(thing);
            ClearCache clear = new ClearCache();
            clear.setTo(to);
            Iqs.request(connection, clear, IQ.class)
                    .thenRunAsync(
                            () -> {
                                inFlight.remove(thing);
                                try {
                                    boolean done = store.clearPendingDone(thing, generation.getAsLong());
                                    listeners.forEach(l -> l.clearCacheAcknowledged(thing));
                                    if (!done) {
                                        pushIfPending(thing);
                                    }
                                } catch (SQLException e) {
                                    LOG.log(Level.WARNING, "could not unmark " + thing, e);
                                }
                            },
                            executor)
                    .exceptionally(e -> {
                        inFlight.remove(thing);
                        LOG.log(Level.FINE, "clearCache to " + to + " failed; retried when it comes back online", e);
                        return null;
                    });
        } catch (Exception e) {
            inFlight.remove(thing);
            LOG.log(Level.WARNING, "could not push clearCache to " + thing, e);
        }
    }

    /** Pushes every mark for a Thing online here (at start, and every {@link ServerOptions#clearCachePoll()}). */
    private void pushAllPending() {
        if (online.isEmpty()) {
            return;
        }
        try {
            store.clearPending().forEach(this::pushIfPending);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not read pending clearCache marks", e);
        }
    }

    private void userLoggedIn(Message m) {
        UserLoggedIn u = m.getExtension(UserLoggedIn.class);
        String service = m.getFrom().asBareJid().toString();
        submit(() -> {
            try {
                store.setUserName(service, u.userToken(), u.userName());
                listeners.forEach(l -> l.userLoggedIn(service, u.userName()));
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "could not record the login of " + u.userName(), e);
            }
        });
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            LOG.log(Level.FINE, "provisioning server closed; event ignored", closed);
        }
    }

    /**
     * Unregisters the handlers and listeners and stops the background thread; the store stays open (its owner closes
     * it).
     */
    @Override
    public void close() {
        closed = true;
        for (IQRequestHandler h : handlers) {
            connection.unregisterIQRequestHandler(h);
        }
        connection.unregisterIQRequestHandler(AdHocCommandData.ELEMENT, AdHocCommandData.NAMESPACE, IQ.Type.set);
        ServiceDiscoveryManager.getInstanceFor(connection).removeNodeInformationProvider(AdHocCommandData.NAMESPACE);
        Roster roster = Roster.getInstanceFor(connection);
        roster.removeSubscribeListener(subscribeListener);
        roster.removePresenceEventListener(presenceListener);
        connection.removeAsyncStanzaListener(loginListener);
        ServiceDiscoveryManager.getInstanceFor(connection).removeFeature(ProvisioningIq.NAMESPACE);
        executor.shutdown();
    }
}
