package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.provisioning.element.IsFriend;
import io.github.xmppiot.provisioning.element.IsFriendResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.internal.SentTokens;
import io.github.xmppiot.provisioning.provider.ProvisioningProviders;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The Thing side of XEP-0324 on one connection: the provisioning servers it trusts (§3.1.1 configured, §3.1.2
 * discovered among the server's components), friendship checks on every presence subscription request (§3.2), the
 * {@link ProvisioningAccessPolicy} consulted before every read-out (§3.3) and control action (§3.4), the decision
 * cache and its clearing (§3.5, §5.2), and tokens (§3.1.3).
 *
 * <p>{@code friend}, {@code unfriend} and {@code clearCache} are honoured only from trusted servers; a
 * {@code tokenChallenge} is answered only for a token sent to the challenger within the last minute (§6.2).
 *
 * @since 0.1.0
 */
public final class ProvisioningClient extends Manager {

    private static final Map<XMPPConnection, ProvisioningClient> INSTANCES = new WeakHashMap<>();

    static {
        ProvisioningProviders.register();
    }

    private final List<Jid> servers = new CopyOnWriteArrayList<>();
    private final List<ProvisioningListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<BareJid, CompletableFuture<Void>> serverOnline = new ConcurrentHashMap<>();
    private final SentTokens sentTokens = new SentTokens(Clock.systemUTC());
    private final ExecutorService executor;
    private volatile DecisionCache cache = DecisionCache.inMemory(1000, null);
    private volatile DeviceIdentity identity;
    private final Map<String, DeviceIdentity> ownTokens = new ConcurrentHashMap<>();
    private final ProvisioningAccessPolicy policy;
    private final AtomicLong generation = new AtomicLong();
    private final SecondaryTrust secondaryTrust = new SecondaryTrust(this);

    private ProvisioningClient(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "xep0324-thing");
            t.setDaemon(true);
            return t;
        });
        policy = new ProvisioningAccessPolicy(this, AccessPolicy.friends(connection));
        ThingHandlers.register(connection, this);
        Friendships.register(connection, this);
        Roster.getInstanceFor(connection).addPresenceEventListener(new Friendships.ServerPresence(this));
        // read-outs and control requests sent with our own tokens: their challenges are answered (§3.1.3.2)
        io.github.xmppiot.core.TokensSent.addListener(connection, this::ownTokensSending);
    }

    private void ownTokensSending(io.github.xmppiot.core.Tokens tokens, Jid to) {
        List<String> own = new java.util.ArrayList<>();
        for (List<String> kind : List.of(tokens.serviceTokens(), tokens.deviceTokens(), tokens.userTokens())) {
            kind.stream().filter(ownTokens::containsKey).forEach(own::add);
        }
        sentTokens.recordAll(own, to, t -> null);
    }

    /**
     * The instance for a connection.
     *
     * @param connection the Thing's connection
     * @return the instance
     */
    public static synchronized ProvisioningClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ProvisioningClient::new);
    }

    /**
     * Trusts a provisioning server (XEP-0324 §3.1.1): a new trust relationship clears the decision cache (a server the
     * cache already knows, for example from before a restart, does not; set a persistent cache first). A server on
     * an account ({@code name@domain}) needs a presence subscription (§5.1), which is requested here; the stage
     * completes when the server is seen online. A component server completes at once. Once a server is trusted, a
     * further one is a secondary trust relationship, allowed only with {@link #isSecondaryTrustAllowed()} (§3.1.4).
     *
     * @param server the server's JID
     * @return a stage completing when the server can be asked; failed with a {@link SecurityException} if it is a
     *         new secondary trust relationship that no trusted server allows
     */
    public CompletableFuture<Void> trust(Jid server) {
        return trust(server, false);
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
    public synchronized CompletableFuture<Void> trustAll(java.util.Collection<? extends Jid> servers) {
        if (!this.servers.isEmpty()) {
            throw new IllegalStateException("original trust is already established with " + this.servers);
        }
        List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
        for (Jid server : servers) {
            all.add(trust(server, true));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> trust(Jid server, boolean original) {
        Jid bare = server.asBareJid();
        if (!original && !servers.contains(bare) && !servers.isEmpty() && !secondaryTrust.isAllowed()) {
            return CompletableFuture.failedFuture(new SecurityException(
                    "no trusted provisioning server allows secondary trust (XEP-0324 §3.1.4): " + bare));
        }
        CompletableFuture<Void> online = serverOnline.computeIfAbsent(bare.asBareJid(), k -> new CompletableFuture<>());
        if (!servers.contains(bare)) {
            servers.add(bare);
        }
        if (cache.rememberServer(bare)) {
            clearCache(bare);
        }
        if (!bare.hasLocalpart()) {
            online.complete(null);
            return online;
        }
        Roster roster = Roster.getInstanceFor(connection());
        if (roster.getPresence(bare.asBareJid()).isAvailable()) {
            online.complete(null);
        } else {
            CompletableFuture.runAsync(() -> Friendships.subscribe(connection(), bare.asBareJid()), executor)
                    .exceptionally(e -> {
                        online.completeExceptionally(e);
                        return null;
                    });
        }
        return online;
    }

    /**
     * Finds provisioning servers hosted as components of the Thing's XMPP server (XEP-0324 §3.1.2: disco#items on the
     * server, disco#info on each item, looking for {@code urn:xmpp:iot:provisioning}) and trusts them, as far as
     * {@link #trust} allows.
     *
     * @return the servers found and now trusted
     */
    public CompletableFuture<List<DomainBareJid>> discoverComponentServers() {
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return ServiceDiscoveryManager.getInstanceFor(connection())
                                        .findServices(ProvisioningIq.NAMESPACE, false, false);
                            } catch (Exception e) {
                                throw new CompletionException(Iqs.translate(e));
                            }
                        },
                        executor)
                .thenApply(found -> {
                    found.forEach(this::trust);
                    return found.stream().filter(servers::contains).toList();
                });
    }

    /** @return the trusted servers, bare JIDs */
    public List<Jid> servers() {
        return List.copyOf(servers);
    }

    /**
     * Whether a stanza sender is one of the trusted provisioning servers (compared by bare JID).
     *
     * @param from the sender
     * @return true if trusted
     */
    public boolean isTrusted(Jid from) {
        return from != null && servers.contains(from.asBareJid());
    }

    /**
     * Where to send requests for a server: a component's address, or the full JID under which an account-hosted
     * server is online (an IQ to a bare account JID would be answered by the XMPP server itself).
     *
     * @param server a trusted server
     * @return the address
     */
    public Jid address(Jid server) {
        if (!server.hasLocalpart()) {
            return server;
        }
        Presence p = Roster.getInstanceFor(connection()).getPresence(server.asBareJid());
        return p.isAvailable() && p.getFrom() != null ? p.getFrom() : server;
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

    /** @return the secondary trust state and the local friendship approver (XEP-0324 §3.1.4) */
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
        List<CompletableFuture<Boolean>> answers = servers.stream()
                .map(s -> {
                    IsFriend q = new IsFriend(jid);
                    q.setTo(address(s));
                    return Iqs.request(connection(), q, IsFriendResponse.class)
                            .thenApply(r -> {
                                secondaryTrust.record(s, r.secondaryTrustAllowed());
                                return r.result();
                            })
                            .exceptionally(e -> false);
                })
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(v -> answers.stream().anyMatch(CompletableFuture::join));
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
        return TokenRequest.obtain(connection(), address(server), identity).thenApply(token -> {
            this.identity = identity;
            ownTokens.put(token, identity);
            return token;
        });
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
        return ClaimKeyDeposit.deposit(connection(), to, Objects.requireNonNull(key, "key"), executor);
    }

    /**
     * Records that a token was sent to a JID, so that a {@code tokenChallenge} from it within a minute is answered
     * (XEP-0324 §3.1.3.2). The SDK's {@code SensorDataClient} and {@code ControlClient} on the same connection do
     * this themselves for tokens obtained with {@link #requestToken} (through {@link io.github.xmppiot.core.TokensSent});
     * call it for a token sent in any other request.
     *
     * @param token the token
     * @param to    the recipient
     */
    public void tokenSent(String token, Jid to) {
        sentTokens.record(token, to, null);
    }

    /**
     * Records tokens forwarded on behalf of {@code origin}: a challenge for them is relayed to the origin.
     *
     * @param tokens the tokens
     * @param to     the recipient
     * @param origin the party the tokens came from
     */
    void tokensForwarded(io.github.xmppiot.core.Tokens tokens, Jid to, Jid origin) {
        List<String> all = new java.util.ArrayList<>(tokens.serviceTokens());
        all.addAll(tokens.deviceTokens());
        all.addAll(tokens.userTokens());
        sentTokens.recordAll(all, to, t -> ownTokens.containsKey(t) ? null : origin);
    }

    /** @return the log of sent tokens (for the challenge handler) */
    SentTokens sentTokens() {
        return sentTokens;
    }

    /**
     * The identity behind one of our own tokens.
     *
     * @param token a token
     * @return the identity, if the token is ours
     */
    Optional<DeviceIdentity> identityFor(String token) {
        return Optional.ofNullable(ownTokens.get(token));
    }

    /** @return the identity of the last token obtained, if any */
    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /**
     * The access policy to give the XEP-0323 and XEP-0325 modules (XEP-0324 §3.3, §3.4).
     *
     * @return the policy
     */
    public ProvisioningAccessPolicy accessPolicy() {
        return policy;
    }

    /** @return the decision cache */
    public DecisionCache cache() {
        return cache;
    }

    /**
     * Replaces the decision cache (for example by a {@link DecisionCache#persistent persistent} one). The servers the
     * cache remembers from an earlier run are trusted again at once, so that their {@code clearCache} right after
     * login is honoured; call this before logging in. The previous cache is not closed.
     *
     * @param cache the new cache
     */
    public void setCache(DecisionCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
        generation.incrementAndGet();
        for (String s : cache.servers()) {
            try {
                Jid server = JidCreate.from(s);
                if (!servers.contains(server)) {
                    servers.add(server);
                }
            } catch (XmppStringprepException e) {
                throw new IllegalStateException("the cache holds an invalid server JID " + s, e);
            }
        }
    }

    /**
     * Whether a JID is a friend of the Thing: in its roster with a presence subscription the Thing approved
     * (XEP-0324 §3.2).
     *
     * @param jid the bare JID
     * @return true for a friend
     */
    boolean isRosterFriend(BareJid jid) {
        org.jivesoftware.smack.roster.RosterEntry e =
                Roster.getInstanceFor(connection()).getEntry(jid);
        return e != null && e.canSeeMyPresence();
    }

    /** @return our own JID, or null before login */
    Jid self() {
        return connection().getUser();
    }

    /** @return a counter that changes whenever the cache is cleared or replaced (answers in flight are then stale) */
    long generation() {
        return generation.get();
    }

    /**
     * Clears the decision cache, forgets the cause's secondary trust setting and tells the listeners.
     *
     * @param cause the server that asked, or the newly trusted server
     */
    public void clearCache(Jid cause) {
        generation.incrementAndGet();
        cache.clear();
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

    /** @return the listeners, for the internal handlers */
    List<ProvisioningListener> listeners() {
        return listeners;
    }

    /** @return the executor for blocking Smack calls, never Smack's reader thread */
    ExecutorService executor() {
        return executor;
    }

    /**
     * Marks an account-hosted server as online; completes the stage returned by {@link #trust}.
     *
     * @param server the server's bare JID
     */
    void serverSeenOnline(BareJid server) {
        serverOnline.computeIfAbsent(server, k -> new CompletableFuture<>()).complete(null);
    }

    /**
     * Sends an IQ request to a server and expects a payload (used by the access policy).
     *
     * @param request  the request, addressed
     * @param expected the payload class
     * @param <T>      the payload class
     * @return the answer
     */
    <T extends IQ> CompletableFuture<T> request(IQ request, Class<T> expected) {
        return Iqs.request(connection(), request, expected);
    }
}
