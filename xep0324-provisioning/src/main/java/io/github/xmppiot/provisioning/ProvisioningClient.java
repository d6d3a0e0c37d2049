package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.TokensSent;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.provider.ProvisioningProviders;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.Roster;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;

/**
 * The Thing side of XEP-0324 on one connection: the provisioning servers it trusts (§3.1.1 configured, §3.1.2
 * discovered among the server's components), friendship checks on every presence subscription request (§3.2), the
 * {@link ProvisioningAccessPolicy} consulted before every read-out (§3.3) and control action (§3.4), the decision
 * cache and its clearing (§3.5, §5.2), and tokens (§3.1.3). The Thing is the one sending requests to its provisioning
 * server, hence {@code Client}.
 *
 * <p>{@code friend}, {@code unfriend} and {@code clearCache} are honoured only from trusted servers; a
 * {@code tokenChallenge} is answered only for a token sent to the challenger within the last minute (§6.2).
 *
 * <p>Settings and threads: the client runs on its {@link ProvisioningClientSettings} (swapped atomically by
 * {@link #configure} and {@link #update}; every access decision uses the settings current when it was asked), opens
 * its {@link DecisionCache} from them, and runs blocking Smack calls (roster changes, service discovery, ad-hoc
 * commands) on a lease of their {@link IotExecutors}, never on Smack's reader thread. {@link #close()} undoes all of
 * it; {@link #getInstanceFor} then returns a fresh client.
 *
 * @since 0.1.0
 */
public final class ProvisioningClient extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, ProvisioningClient> INSTANCES = new WeakHashMap<>();

    static {
        ProvisioningProviders.register();
    }

    /** The settings in force and the lease of their executors. */
    private final LeasedSettings<ProvisioningClientSettings> state;
    /** The decision cache opened for the settings' cache component. */
    private volatile DecisionCache cache;

    private final List<ProvisioningListener> listeners = new CopyOnWriteArrayList<>();
    private final Trust trust = new Trust(this);
    private final ThingTokens tokens = new ThingTokens();
    private final ProvisioningAccessPolicy policy;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SecondaryTrust secondaryTrust = new SecondaryTrust(this);
    private final List<IQRequestHandler> handlers;
    private final Runnable friendships;
    private final Friendships.ServerPresence serverPresence = new Friendships.ServerPresence(this);
    private final TokensSent.Listener tokensSending = tokens::ownTokensSending;

    private ProvisioningClient(XMPPConnection connection) {
        super(connection);
        ProvisioningClientSettings settings = ProvisioningClientSettings.DEFAULTS;
        state = new LeasedSettings<>(settings, ProvisioningClientSettings::executors);
        cache = DecisionCache.open(settings.cache());
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        policy = new ProvisioningAccessPolicy(this, connection);
        handlers = ThingHandlers.register(connection, this);
        friendships = Friendships.register(connection, this);
        Roster.getInstanceFor(connection).addPresenceEventListener(serverPresence);
        // read-outs and control requests sent with our own tokens: their challenges are answered (§3.1.3.2)
        TokensSent.addListener(connection, tokensSending);
    }

    /**
     * The instance for a connection; a fresh one after {@link #close()}.
     *
     * @param connection the Thing's connection
     * @return the instance
     */
    public static synchronized ProvisioningClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ProvisioningClient::new);
    }

    /** @return the settings in force */
    public ProvisioningClientSettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings atomically; decisions asked from now on use them. A changed
     * {@link ProvisioningClientSettings#cache() cache} component opens a new cache and closes the previous one; the
     * servers a persistent cache remembers from an earlier run are trusted again at once, so that their
     * {@code clearCache} right after login is honoured: configure a persistent cache before logging in. Other
     * executors are leased at once and the previous lease is given back.
     *
     * @param settings the new settings
     * @throws IllegalStateException if the client is closed, or the new cache cannot be opened
     */
    public synchronized void configure(ProvisioningClientSettings settings) {
        Objects.requireNonNull(settings, "settings: use ProvisioningClientSettings.DEFAULTS");
        if (closed.get()) {
            throw new IllegalStateException("this ProvisioningClient is closed; getInstanceFor gives a fresh one");
        }
        ProvisioningClientSettings old = state.settings();
        DecisionCache oldCache = cache;
        boolean otherCache = !old.cache().equals(settings.cache());
        if (otherCache
                && settings.cache().persistent()
                && settings.cache().file().equals(old.cache().file())) {
            oldCache.close(); // one database file is opened once
        }
        DecisionCache next = otherCache ? DecisionCache.open(settings.cache()) : oldCache;
        state.configure(settings);
        cache = next;
        if (otherCache) {
            generation.incrementAndGet();
            trust.adopt(next.servers());
            oldCache.close();
        }
    }

    /**
     * Changes some settings atomically, for example
     * {@code client.update(b -> b.strangerQueries(StrangerQueries.NONE))}.
     *
     * @param change applied to a builder holding the current settings
     * @throws IllegalStateException if the client is closed
     */
    public synchronized void update(UnaryOperator<ProvisioningClientSettings.Builder> change) {
        configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * Trusts a provisioning server (XEP-0324 §3.1.1): a new trust relationship clears the decision cache (a server the
     * cache already knows, for example from before a restart, does not; configure a persistent cache first). A server
     * on an account ({@code name@domain}) needs a presence subscription (§5.1), which is requested here; the stage
     * completes when the server is seen online. A component server completes at once. Once a server is trusted, a
     * further one is a secondary trust relationship, allowed only with {@link #isSecondaryTrustAllowed()} (§3.1.4).
     *
     * @param server the server's JID
     * @return a stage completing when the server can be asked; failed with a {@link SecurityException} if it is a
     *         new secondary trust relationship that no trusted server allows
     */
    public CompletableFuture<Void> trust(Jid server) {
        return trust.trust(server, false);
    }

    /**
     * Establishes the original trust relationship with several provisioning servers at once, as configured at
     * installation (XEP-0324 §5.3 "Multiple provisioning servers": all are asked in parallel and the most forgiving
     * answer wins). Only possible while no server is trusted yet; later servers are secondary trust (§3.1.4).
     *
     * @param servers the servers' JIDs
     * @return a stage completing when every server can be asked
     * @throws IllegalStateException if a server is already trusted
     */
    public CompletableFuture<Void> trustAll(Collection<? extends Jid> servers) {
        return trust.trustAll(servers);
    }

    /**
     * Finds provisioning servers hosted as components of the Thing's XMPP server (XEP-0324 §3.1.2: disco#items on the
     * server, disco#info on each item, looking for {@code urn:xmpp:iot:provisioning}) and trusts them, as far as
     * {@link #trust} allows.
     *
     * @return the servers found and now trusted
     */
    public CompletableFuture<List<DomainBareJid>> discoverComponentServers() {
        return trust.discoverComponentServers();
    }

    /** @return the trusted servers, bare JIDs */
    public List<Jid> servers() {
        return trust.servers();
    }

    /**
     * Whether a stanza sender is one of the trusted provisioning servers (compared by bare JID).
     *
     * @param from the sender
     * @return true if trusted
     */
    public boolean isTrusted(Jid from) {
        return trust.isTrusted(from);
    }

    /**
     * Where to send requests for a server: a component's address, or the full JID under which an account-hosted
     * server is online (an IQ to a bare account JID would be answered by the XMPP server itself).
     */
    Jid address(Jid server) {
        return trust.address(server);
    }

    /**
     * Whether the Thing may add friends and further trust relationships on its own (XEP-0324 §3.1.4); see
     * {@link SecondaryTrust}.
     *
     * @return true if a trusted server allows it
     */
    public boolean isSecondaryTrustAllowed() {
        return secondaryTrust.isAllowed();
    }

    /** @return the secondary trust state (XEP-0324 §3.1.4) */
    public SecondaryTrust secondaryTrust() {
        return secondaryTrust;
    }

    /**
     * Asks every trusted server whether {@code jid} may be a friend (XEP-0324 §3.2.1); true if any says so (§5.3).
     * Each answer also updates the server's {@linkplain SecondaryTrust secondary trust} setting.
     *
     * @param jid the JID asking for friendship (the resource is dropped)
     * @return the answer; false if no server answered
     */
    public CompletableFuture<Boolean> isFriend(BareJid jid) {
        return Friendships.ask(this, jid);
    }

    /**
     * Obtains a token for an identity (XEP-0324 §3.1.3.1): sends the certificate, decrypts the challenge with the
     * private key, returns the answer and receives the token. The identity is kept to answer later
     * {@code tokenChallenge}s for that token.
     *
     * @param server   the provisioning server
     * @param identity certificate and private key
     * @return the token
     */
    public CompletableFuture<String> requestToken(Jid server, DeviceIdentity identity) {
        return tokens.request(connection(), address(server), identity);
    }

    /**
     * Deposits the Thing's claim key (its XEP-0347 {@code KEY}) at a trusted provisioning server, so that whoever
     * presents the key or the claim string carrying it may claim the Thing there ({@link
     * io.github.xmppiot.provisioning.server.OwnerCommands#CLAIM_KEY}). Possible only while the Thing has no owner.
     *
     * @param server the provisioning server: its full JID, or a trusted server's bare JID (sent to the full JID under
     *               which it is online)
     * @param key    the claim key
     * @return a stage completing when the server stored the key; failed with the server's error otherwise
     */
    public CompletableFuture<Void> depositClaimKey(Jid server, String key) {
        Jid to = server.hasResource() ? server : address(server);
        return ClaimKeyDeposit.deposit(connection(), to, Objects.requireNonNull(key, "key"), work());
    }

    /**
     * Records that a token was sent to a JID, so that a {@code tokenChallenge} from it within a minute is answered
     * (XEP-0324 §3.1.3.2). The SDK's {@code SensorDataClient} and {@code ControlClient} on the same connection do
     * this themselves for tokens obtained with {@link #requestToken} (through {@link TokensSent}); call it for a token
     * sent in any other request.
     *
     * @param token the token
     * @param to    the recipient
     */
    public void tokenSent(String token, Jid to) {
        tokens.sent(token, to);
    }

    /** @return the identity of the last token obtained, if any */
    public Optional<DeviceIdentity> identity() {
        return tokens.identity();
    }

    /**
     * The access policy to give the XEP-0323 and XEP-0325 modules (XEP-0324 §3.3, §3.4).
     *
     * @return the policy
     */
    public ProvisioningAccessPolicy accessPolicy() {
        return policy;
    }

    /** @return the decision cache opened from {@link ProvisioningClientSettings#cache()} */
    public DecisionCache cache() {
        return cache;
    }

    /**
     * Clears the decision cache, forgets the cause's secondary trust setting and tells the listeners (what a
     * {@code clearCache} from a trusted server does, XEP-0324 §3.5.1).
     *
     * @param cause the server that asked, or the newly trusted server
     */
    public void clearCache(Jid cause) {
        generation.incrementAndGet();
        cache().clear();
        secondaryTrust.forget(cause);
        listeners.forEach(l -> l.cacheCleared(cause));
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(ProvisioningListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(ProvisioningListener listener) {
        listeners.remove(listener);
    }

    /**
     * Unregisters the IQ handlers, the friendship and presence listeners and the token listener, closes the decision
     * cache and gives the executor lease back; the connection stays open. A later {@link #getInstanceFor} returns a
     * fresh client. Idempotent.
     */
    @Override
    public void close() {
        XMPPConnection connection = connection();
        synchronized (ProvisioningClient.class) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (INSTANCES.get(connection) == this) {
                INSTANCES.remove(connection);
            }
        }
        handlers.forEach(connection::unregisterIQRequestHandler);
        friendships.run();
        Roster.getInstanceFor(connection).removePresenceEventListener(serverPresence);
        TokensSent.removeListener(connection, tokensSending);
        synchronized (this) {
            cache.close();
            state.close();
        }
    }

    /** @return the listeners */
    List<ProvisioningListener> listeners() {
        return listeners;
    }

    /** @return the work pool of the current lease, for blocking Smack calls (never Smack's reader thread) */
    Executor work() {
        return state.current().work();
    }

    /** @return the connection, for the package's internals */
    XMPPConnection xmpp() {
        return connection();
    }

    /** @return the tokens obtained and sent */
    ThingTokens tokens() {
        return tokens;
    }

    /** @return our own JID, or null before login */
    Jid self() {
        return connection().getUser();
    }

    /** @return a counter that changes whenever the cache is cleared or replaced (answers in flight are then stale) */
    long generation() {
        return generation.get();
    }

    /** @return the trust relationships */
    Trust trustRelationships() {
        return trust;
    }

    /** Sends an IQ request to a server and expects a payload (used by the access policy). */
    <T extends IQ> CompletableFuture<T> request(IQ request, Class<T> expected) {
        return Iqs.request(connection(), request, expected);
    }
}
