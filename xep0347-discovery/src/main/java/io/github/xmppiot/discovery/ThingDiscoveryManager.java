package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionStateListener;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.discovery.internal.ExecutorLease;
import io.github.xmppiot.discovery.internal.PatientRegistration;
import io.github.xmppiot.discovery.internal.RegistryClient;
import io.github.xmppiot.discovery.internal.RosterFriends;
import io.github.xmppiot.discovery.internal.ThingLifecycle;
import io.github.xmppiot.discovery.internal.ThingWire;
import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jxmpp.jid.Jid;

/**
 * The Thing side of XEP-0347: registers the Thing (or nodes behind a concentrator) with its meta tags
 * (§3.6-§3.8), updates and unregisters them (§3.13, §3.16), shows the claim string and QR code (§3.9), and answers the
 * registry's {@code claimed}, {@code removed} and {@code disowned} requests with an empty result, raising
 * {@link ThingDiscoveryListener} events. Requests from anyone but the registry are refused with {@code forbidden}.
 * Configured by {@link ThingDiscoveryManagerSettings} (registry, follow-ups, keys, public tags, executors).
 *
 * <p>By default the manager also performs the follow-up actions of the XEP
 * ({@link ThingDiscoveryManagerSettings#followUps()} turns them off):
 * <ul>
 *   <li>after {@code claimed} (§3.9, §3.13, §6.5): it accepts the owner's presence subscription (now and later) and
 *       requests the owner's presence, clears its {@code KEY} tag and publishes the
 *       {@link ThingDiscoveryManagerSettings#publicTags() public tags}, then raises {@code claimed}; {@link #register}
 *       of a claimed node answers {@link RegistrationResult.AlreadyClaimed} without asking the registry (§3.6: no
 *       re-registering once claimed, until {@link #forget});</li>
 *   <li>after {@code removed} (§3.10): {@link #update} answers {@link UpdateOutcome#NOT_FOUND} without asking the
 *       registry (the same happens after the registry answered an update with {@code item-not-found}, §3.13);</li>
 *   <li>after {@code disowned} (§3.17): it removes the former owner from its roster (unless the owner still owns
 *       another node) and registers again with the last registered tags and a new {@code KEY} from the
 *       {@link ThingDiscoveryManagerSettings#keys() KeySupplier}, then raises
 *       {@link ThingDiscoveryListener#registeredAgain};</li>
 *   <li>friendship with a registry <em>account</em> (§5.3): kept only while needed, i.e. while a request is in flight
 *       or a registration waits for its claim; then the registry is removed from the roster. The next request
 *       subscribes again ({@link RegistryLocator}). Component registries need no friendship.</li>
 * </ul>
 *
 * <p>After a reconnect with a fresh session (a {@link ConnectionEvent.Restored} event that is not {@code resumed}),
 * nodes that await their claim or are self-owned are registered again with the same tags (XEP-0347 §3.6: a registry
 * that lost them gets them back, one that kept them updates them).
 *
 * <p>Threads: roster and service discovery calls run on the work pool of the settings' executors, never on Smack's
 * reader thread. {@link #close()} unregisters the handlers and listeners and gives the executors back.
 *
 * @since 0.1.0
 */
public final class ThingDiscoveryManager extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, ThingDiscoveryManager> INSTANCES = new WeakHashMap<>();

    static {
        DiscoveryProviders.register();
    }

    /** The settings and the locator of their registry, swapped together. */
    private record State(ThingDiscoveryManagerSettings settings, RegistryLocator locator) {}

    private final XMPPConnection connection;
    private final Duration timeout;
    private final ExecutorLease executors;
    private final RegistryClient client;
    private final RosterFriends friends;
    private final List<ThingDiscoveryListener> listeners = new CopyOnWriteArrayList<>();
    private final ThingLifecycle lifecycle;
    private final List<IQRequestHandler> handlers;
    private final ConnectionStateListener restored;
    private volatile State state;
    private boolean closed;

    private ThingDiscoveryManager(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        this.connection = connection;
        this.timeout = Duration.ofMillis(connection.getReplyTimeout());
        ThingDiscoveryManagerSettings defaults = ThingDiscoveryManagerSettings.DEFAULTS;
        this.executors = new ExecutorLease(defaults.executors());
        this.state = new State(defaults, new RegistryLocator(connection, null, timeout, executors));
        this.client = new RegistryClient(connection, () -> state.locator(), timeout);
        this.friends = new RosterFriends(connection, executors);
        ThingWire wire = new ThingWire(connection, client, timeout);
        this.lifecycle = new ThingLifecycle(wire, friends, listeners, this::settings);
        this.handlers = wire.install(lifecycle);
        this.restored = e -> {
            if (e instanceof ConnectionEvent.Restored r && !r.resumed()) {
                lifecycle.registerAgain();
            }
        };
        ConnectionSupervisor.getInstanceFor(connection).addListener(restored);
    }

    /**
     * The manager of a connection; a new one after {@link #close()}.
     *
     * @param connection the Thing's (or concentrator's) connection
     * @return the manager
     */
    public static synchronized ThingDiscoveryManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ThingDiscoveryManager::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     */
    public ThingDiscoveryManagerSettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings; requests sent from now on use them (requests in flight finish with the old ones).
     *
     * @param settings the new settings
     * @throws IllegalStateException if the manager is closed
     */
    public synchronized void configure(ThingDiscoveryManagerSettings settings) {
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
    public synchronized void update(UnaryOperator<ThingDiscoveryManagerSettings.Builder> change) {
        configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * The registry in use (configured or found; XEP-0347 §3.5).
     *
     * @return completes with the registry's JID
     */
    public CompletableFuture<Jid> registry() {
        return state.locator().registry();
    }

    /**
     * Adds a listener for {@code claimed}, {@code removed} and {@code disowned}.
     *
     * @param listener the listener
     */
    public void addListener(ThingDiscoveryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(ThingDiscoveryListener listener) {
        listeners.remove(listener);
    }

    /**
     * Forgets what the manager knows about a registration, e.g. after a factory reset: the next {@link #register} is
     * sent to the registry even if the node was claimed (XEP-0347 §3.6).
     *
     * @param node the node behind a concentrator, or null
     */
    public void forget(NodeRef node) {
        lifecycle.forget(node);
    }

    /**
     * Registers the Thing (XEP-0347 §3.6-§3.8).
     *
     * @param tags      the meta tags needed to claim it (no dynamic data)
     * @param node      the node behind a concentrator, or null
     * @param selfOwned true to register as public and claimed by itself (XEP-0347 §3.7)
     * @return completes with the outcome, or exceptionally with an {@link io.github.xmppiot.core.iq.IotErrorException}
     *         or {@link RegistryNotFoundException}
     */
    public CompletableFuture<RegistrationResult> register(
            List<? extends MetaTag> tags, NodeRef node, boolean selfOwned) {
        return lifecycle.register(MetaTags.checkUnique(tags), node, selfOwned);
    }

    /**
     * Registers the Thing once its registry is reachable, waiting as long as it takes (XEP-0347 §3.6, §5.3): a Thing
     * and its registry come up in any order. A registry account configured by bare JID is found through its presence
     * whenever it comes online, under any resource; if it goes away before answering (no answer,
     * {@code service-unavailable}, connection lost), the registration is sent again once it is back. Unlike
     * {@link #register(List, NodeRef, boolean)}, the reply timeout never ends the wait.
     *
     * @param tags      the meta tags needed to claim it (no dynamic data)
     * @param node      the node behind a concentrator, or null
     * @param selfOwned true to register as public and claimed by itself (XEP-0347 §3.7)
     * @param waiting   run once, the first time the registry is not reachable (e.g. to print that the Thing waits)
     * @return completes with the outcome, or exceptionally with an {@link io.github.xmppiot.core.iq.IotErrorException}
     *         the registry answered; cancel it to stop waiting
     */
    public CompletableFuture<RegistrationResult> registerWhenReachable(
            List<? extends MetaTag> tags, NodeRef node, boolean selfOwned, Runnable waiting) {
        List<MetaTag> checked = MetaTags.checkUnique(tags);
        Objects.requireNonNull(waiting, "waiting");
        return PatientRegistration.start(
                client::locator, () -> lifecycle.register(checked, node, selfOwned), waiting, timeout, executors);
    }

    /**
     * Registers a stand-alone Thing of the Thing model with its {@link Thing#metaTags()} (XEP-0347 §3.6). Its node
     * address is not sent: a device that is not behind a concentrator is addressed by its JID alone. For the nodes
     * of a concentrator use {@link #register(ThingDirectory)}.
     *
     * @param thing the Thing
     * @return completes with the outcome, as {@link #register(List, NodeRef, boolean)}
     * @throws IllegalArgumentException if the Thing has no meta tags or duplicate tag names
     */
    public CompletableFuture<RegistrationResult> register(Thing thing) {
        return register(tagsOf(thing), null, false);
    }

    /**
     * Registers every Thing of a concentrator's directory that has meta tags, each with its node triple
     * ({@code nodeId}, {@code sourceId}, {@code cacheType}; XEP-0347 §3.8, CHECKLIST 347-7). Things without meta tags
     * are skipped. The registrations are sent together; each gets its own claim.
     *
     * @param directory the Things behind this JID
     * @return completes with the outcome per node, in directory order, once all are answered; exceptionally with the
     *         first failure if any registration failed (the others are still sent)
     * @throws IllegalArgumentException if a Thing has duplicate tag names
     */
    public CompletableFuture<Map<NodeRef, RegistrationResult>> register(ThingDirectory directory) {
        Map<NodeRef, CompletableFuture<RegistrationResult>> sent = new LinkedHashMap<>();
        for (Thing t : directory.all()) {
            if (!t.metaTags().isEmpty()) {
                MetaTags.checkUnique(t.metaTags());
            }
        }
        for (Thing t : directory.all()) {
            if (!t.metaTags().isEmpty()) {
                sent.put(t.node(), register(t.metaTags(), t.node(), false));
            }
        }
        return CompletableFuture.allOf(sent.values().toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    Map<NodeRef, RegistrationResult> results = new LinkedHashMap<>();
                    sent.forEach((node, f) -> results.put(node, f.join()));
                    return Collections.unmodifiableMap(results);
                });
    }

    private static List<MetaTag> tagsOf(Thing thing) {
        if (thing.metaTags().isEmpty()) {
            throw new IllegalArgumentException("Thing " + thing.node() + " has no meta tags to register");
        }
        return thing.metaTags();
    }

    /**
     * Updates some tags of the claimed Thing (XEP-0347 §3.13); a string tag with an empty value removes the tag.
     *
     * @param tags the tags to change
     * @param node the node behind a concentrator, or null
     * @return completes with the outcome ({@code item-not-found} becomes {@link UpdateOutcome#NOT_FOUND})
     */
    public CompletableFuture<UpdateOutcome> update(List<? extends MetaTag> tags, NodeRef node) {
        return lifecycle.update(MetaTags.checkUnique(tags), node);
    }

    /**
     * Removes the Thing's registration (XEP-0347 §3.16).
     *
     * @param node the node behind a concentrator, or null
     * @return completes when the registry acknowledged
     */
    public CompletableFuture<Void> unregister(NodeRef node) {
        return lifecycle.unregister(node);
    }

    /**
     * Prints the claim string and its QR code (XEP-0347 §3.9), for a Thing that shows them on a console.
     *
     * @param out  where to print
     * @param tags the registered tags, in order
     * @return the claim string
     */
    public static String printClaim(PrintStream out, List<? extends MetaTag> tags) {
        String uri = ClaimUri.encode(tags);
        out.println(uri);
        out.print(QrTerminal.render(uri, false));
        out.flush();
        return uri;
    }

    /**
     * Stops answering the registry, removes the listeners and gives the executors back; the connection stays open and
     * a later {@link #getInstanceFor} returns a new manager. Calling it again has no effect.
     */
    @Override
    public void close() {
        synchronized (ThingDiscoveryManager.class) {
            INSTANCES.remove(connection, this);
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        handlers.forEach(connection::unregisterIQRequestHandler);
        ConnectionSupervisor.getInstanceFor(connection).removeListener(restored);
        friends.close();
        executors.close();
    }
}
