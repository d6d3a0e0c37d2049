package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Disown;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Remove;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.internal.ExecutorLease;
import io.github.xmppiot.discovery.internal.RegistryClient;
import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * The owner and searcher side of XEP-0347: claim a Thing ({@code mine}, §3.9), remove it (§3.10), update its tags
 * (§3.14), disown it (§3.17) and search public Things (§3.15). Every method is asynchronous; failures complete the
 * future with {@link ThingNotFoundException} ({@code item-not-found}), {@link ThingUnreachableException}
 * ({@code not-allowed} on disown), another {@link io.github.xmppiot.core.iq.IotErrorException}, or
 * {@link RegistryNotFoundException}.
 *
 * <p>Configured by {@link OwnerDiscoveryManagerSettings} (registry, executors); service discovery and roster calls run
 * on the settings' work pool, never on Smack's reader thread. {@link #close()} gives the executors back.
 *
 * @since 0.1.0
 */
public final class OwnerDiscoveryManager extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, OwnerDiscoveryManager> INSTANCES = new WeakHashMap<>();

    static {
        DiscoveryProviders.register();
    }

    /** The settings and the locator of their registry, swapped together. */
    private record State(OwnerDiscoveryManagerSettings settings, RegistryLocator locator) {}

    private final XMPPConnection connection;
    private final Duration timeout;
    private final ExecutorLease executors;
    private final RegistryClient client;
    private volatile State state;
    private boolean closed;

    private OwnerDiscoveryManager(XMPPConnection connection) {
        super(connection);
        this.connection = connection;
        this.timeout = Duration.ofMillis(connection.getReplyTimeout());
        OwnerDiscoveryManagerSettings defaults = OwnerDiscoveryManagerSettings.DEFAULTS;
        this.executors = new ExecutorLease(defaults.executors());
        this.state = new State(defaults, new RegistryLocator(connection, null, timeout, executors));
        this.client = new RegistryClient(connection, () -> state.locator(), timeout);
    }

    /**
     * The manager of a connection; a new one after {@link #close()}.
     *
     * @param connection the owner's or searcher's connection
     * @return the manager
     */
    public static synchronized OwnerDiscoveryManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, OwnerDiscoveryManager::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     */
    public OwnerDiscoveryManagerSettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings; requests sent from now on use them (requests in flight finish with the old ones).
     *
     * @param settings the new settings
     * @throws IllegalStateException if the manager is closed
     */
    public synchronized void configure(OwnerDiscoveryManagerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (closed) {
            throw new IllegalStateException("this manager is closed: get a new one with getInstanceFor(connection)");
        }
        executors.follow(settings.executors());
        state = new State(settings, new RegistryLocator(connection, settings.registry(), timeout, executors));
    }

    /**
     * Changes some settings, e.g. {@code update(s -> s.registry(jid))}, atomically with respect to other changes.
     *
     * @param change edits a builder holding the current settings
     * @throws IllegalStateException if the manager is closed
     */
    public synchronized void update(UnaryOperator<OwnerDiscoveryManagerSettings.Builder> change) {
        configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * Claims the Thing whose registered tags are exactly these (XEP-0347 §3.9).
     *
     * @param tags     all tags the Thing registered, e.g. from {@link ClaimUri#decode}
     * @param isPublic false to keep the Thing private (never found by searches)
     * @return completes with the claimed Thing; {@link ThingNotFoundException} if there is no such unclaimed Thing
     */
    public CompletableFuture<ClaimedThing> claim(List<? extends MetaTag> tags, boolean isPublic) {
        return client.send(new Mine(MetaTags.checkUnique(tags), null, isPublic)).thenApply(iq -> {
            if (iq instanceof Claimed c) {
                return new ClaimedThing(c.jid(), c.node().orElse(null), isPublic);
            }
            throw new CompletionException(IotErrors.badRequest("the registry did not say which Thing was claimed"));
        });
    }

    /**
     * Claims the Thing described by a claim string read from its QR code (XEP-0347 §3.9).
     *
     * @param claimUri the {@code IoTDisco;...} string
     * @param isPublic false to keep the Thing private
     * @return as {@link #claim(List, boolean)}
     * @throws IllegalArgumentException if the string is not a valid claim string
     */
    public CompletableFuture<ClaimedThing> claim(String claimUri, boolean isPublic) {
        return claim(ClaimUri.decode(claimUri), isPublic);
    }

    /**
     * Removes an owned Thing from the registry (XEP-0347 §3.10).
     *
     * @param thing the Thing's JID (the resource is ignored)
     * @param node  the node behind a concentrator, or null
     * @return completes when removed; {@link ThingNotFoundException} if not found or not owned
     */
    public CompletableFuture<Void> remove(Jid thing, NodeRef node) {
        return client.send(new Remove(thing.asBareJid(), node)).thenApply(iq -> null);
    }

    /**
     * Disowns an owned Thing (XEP-0347 §3.17); the registry first makes sure the Thing acknowledges.
     *
     * @param thing the Thing's JID (the resource is ignored)
     * @param node  the node behind a concentrator, or null
     * @return completes when disowned; {@link ThingUnreachableException} if the Thing is not online or did not
     *         acknowledge, {@link ThingNotFoundException} if not found or not owned
     */
    public CompletableFuture<Void> disown(Jid thing, NodeRef node) {
        return client.send(new Disown(thing.asBareJid(), node)).thenApply(iq -> null);
    }

    /**
     * Updates tags of an owned Thing (XEP-0347 §3.14); a string tag with an empty value removes the tag.
     *
     * @param thing the Thing's JID (the resource is ignored)
     * @param node  the node behind a concentrator, or null
     * @param tags  the tags to change
     * @return completes when updated; {@link ThingNotFoundException} if not found or not owned
     */
    public CompletableFuture<Void> update(Jid thing, NodeRef node, List<? extends MetaTag> tags) {
        return client.send(new Update(MetaTags.checkUnique(tags), node, thing.asBareJid()))
                .thenApply(iq -> null);
    }

    /**
     * Searches claimed public Things (XEP-0347 §3.15); all operators must hold.
     *
     * @param operators at least one operator
     * @param offset    number of things to skip
     * @param maxCount  largest number wanted, or null for the registry's default
     * @return completes with one page of results and whether more exist
     */
    public CompletableFuture<SearchResult> search(
            List<? extends SearchOperator> operators, int offset, Integer maxCount) {
        return client.send(new Search(operators, offset, maxCount)).thenApply(OwnerDiscoveryManager::found);
    }

    private static SearchResult found(IQ iq) {
        if (iq instanceof Found f) {
            return f.result();
        }
        return new SearchResult(List.of(), false);
    }

    /**
     * Gives the executors back and forgets this manager; the connection stays open and a later {@link #getInstanceFor}
     * returns a new manager. Requests in flight still complete. Calling it again has no effect.
     */
    @Override
    public void close() {
        synchronized (OwnerDiscoveryManager.class) {
            INSTANCES.remove(connection, this);
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        executors.close();
    }
}
