package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Disowned;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Removed;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import io.github.xmppiot.discovery.internal.PatientRegistration;
import io.github.xmppiot.discovery.internal.RegistryClient;
import io.github.xmppiot.discovery.internal.RosterFriends;
import io.github.xmppiot.discovery.internal.ThingLifecycle;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * The Thing side of XEP-0347: registers the Thing (or nodes behind a concentrator) with its meta tags
 * (§3.6-§3.8), updates and unregisters them (§3.13, §3.16), shows the claim string and QR code (§3.9), and answers the
 * registry's {@code claimed}, {@code removed} and {@code disowned} requests with an empty result, raising
 * {@link ThingDiscoveryListener} events. Requests from anyone but the registry are refused with {@code forbidden}.
 *
 * <p>By default the manager also performs the follow-up actions of the XEP ({@link #setFollowUps} turns them off):
 * <ul>
 *   <li>after {@code claimed} (§3.9, §3.13, §6.5): it accepts the owner's presence subscription (now and later) and
 *       requests the owner's presence, clears its {@code KEY} tag and publishes the public tags set with
 *       {@link #setPublicTags}, then raises {@code claimed}; {@link #register} of a claimed node answers
 *       {@link RegistrationResult.AlreadyClaimed} without asking the registry (§3.6: no re-registering once claimed,
 *       until {@link #forget});</li>
 *   <li>after {@code removed} (§3.10): {@link #update} answers {@link UpdateOutcome#NOT_FOUND} without asking the
 *       registry (the same happens after the registry answered an update with {@code item-not-found}, §3.13);</li>
 *   <li>after {@code disowned} (§3.17): it removes the former owner from its roster (unless the owner still owns
 *       another node) and registers again with the last registered tags and a new {@code KEY} from the
 *       {@link KeySupplier} (random by default), then raises {@link ThingDiscoveryListener#registeredAgain};</li>
 *   <li>friendship with a registry <em>account</em> (§5.3): kept only while needed, i.e. while a request is in flight
 *       or a registration waits for its claim; then the registry is removed from the roster. The next request
 *       subscribes again ({@link RegistryLocator}). Component registries need no friendship.</li>
 * </ul>
 *
 * <p>After a reconnect with a fresh session (a {@link io.github.xmppiot.core.connection.ConnectionEvent.Restored}
 * event that is not {@code resumed}), nodes that await their claim or are self-owned are registered again with the
 * same tags (XEP-0347 §3.6: a registry that lost them gets them back, one that kept them updates them).
 *
 * @since 0.1.0
 */
public final class ThingDiscoveryManager {

    private static final Map<XMPPConnection, ThingDiscoveryManager> INSTANCES = new WeakHashMap<>();

    static {
        DiscoveryProviders.register();
    }

    private final XMPPConnection connection;
    private final RegistryClient client;
    private final List<ThingDiscoveryListener> listeners = new CopyOnWriteArrayList<>();
    private final ThingLifecycle lifecycle;

    private ThingDiscoveryManager(XMPPConnection connection) {
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        this.connection = connection;
        Duration timeout = Duration.ofMillis(connection.getReplyTimeout());
        this.client = new RegistryClient(
                connection, new RegistryLocator(connection, null, timeout, ForkJoinPool.commonPool()), timeout);
        this.lifecycle =
                new ThingLifecycle(new Wire(), new RosterFriends(connection, ForkJoinPool.commonPool()), listeners);
        handle(
                Claimed.ELEMENT,
                Claimed.class,
                c -> lifecycle.onClaimed(c.jid(), c.node().orElse(null), c.isPublic()));
        handle(Removed.ELEMENT, Removed.class, r -> lifecycle.onRemoved(r.node().orElse(null)));
        handle(
                Disowned.ELEMENT,
                Disowned.class,
                d -> lifecycle.onDisowned(d.node().orElse(null)));
        io.github.xmppiot.core.connection.ConnectionSupervisor.getInstanceFor(connection)
                .addListener(e -> {
                    if (e instanceof io.github.xmppiot.core.connection.ConnectionEvent.Restored r && !r.resumed()) {
                        lifecycle.registerAgain();
                    }
                });
    }

    /**
     * The manager of a connection.
     *
     * @param connection the Thing's (or concentrator's) connection
     * @return the manager
     */
    public static synchronized ThingDiscoveryManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ThingDiscoveryManager::new);
    }

    /**
     * Uses a configured registry: a component address or a registry account JID (XEP-0347 §3.5). Without it the
     * manager searches the server's components for {@code urn:xmpp:iot:discovery}.
     *
     * @param registry the registry, or null to search
     */
    public void setRegistry(Jid registry) {
        Duration timeout = Duration.ofMillis(connection.getReplyTimeout());
        client.setLocator(new RegistryLocator(connection, registry, timeout, ForkJoinPool.commonPool()));
    }

    /**
     * The registry in use (configured or found).
     *
     * @return completes with the registry's JID
     */
    public CompletableFuture<Jid> registry() {
        return client.locator().registry();
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
     * Turns the follow-up actions after {@code claimed}, {@code removed} and {@code disowned} and the registry
     * friendship handling on or off (XEP-0347 §3.9, §3.10, §3.17, §5.3; on by default, see the class description).
     * Off, the manager only acknowledges the registry's requests and raises the events; the application does the rest.
     *
     * @param on true to perform them
     */
    public void setFollowUps(boolean on) {
        lifecycle.setFollowUps(on);
    }

    /**
     * Sets where the new {@code KEY} comes from when registering again after {@code disowned} (XEP-0347 §3.17).
     *
     * @param keys the supplier; {@link KeySupplier#random()} by default
     */
    public void setKeySupplier(KeySupplier keys) {
        lifecycle.setKeySupplier(keys);
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
     * Sets the tags the Thing publishes (with an {@code update}) once claimed as public, e.g. location tags (XEP-0347
     * §3.13). The {@code KEY} tag is cleared in any case.
     *
     * @param node the node behind a concentrator, or null
     * @param tags the public tags
     */
    public void setPublicTags(NodeRef node, List<? extends MetaTag> tags) {
        lifecycle.setPublicTags(node, List.copyOf(tags));
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
                client::locator,
                () -> lifecycle.register(checked, node, selfOwned),
                waiting,
                Duration.ofMillis(connection.getReplyTimeout()));
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

    private <R extends IQ> void handle(String element, Class<R> type, java.util.function.Consumer<R> event) {
        Function<R, CompletionStage<IQ>> body = req -> {
            CompletableFuture<IQ> answer = new CompletableFuture<>();
            client.locator().registry().whenComplete((registry, e) -> {
                if (e != null || !req.getFrom().asBareJid().equals(registry.asBareJid())) {
                    answer.completeExceptionally(IotErrors.forbidden("only the Thing Registry may send this"));
                    return;
                }
                answer.complete(IQ.createResultIQ(req));
                event.accept(req);
            });
            return answer;
        };
        connection.registerIQRequestHandler(
                new IotIqRequestHandler<R>(
                        connection,
                        element,
                        DiscoveryXml.NAMESPACE,
                        IQ.Type.set,
                        type,
                        Duration.ofMillis(connection.getReplyTimeout())) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(R request) {
                        return body.apply(request);
                    }
                });
    }

    /** The requests on the wire, for the lifecycle. */
    private final class Wire implements ThingLifecycle.Wire {
        @Override
        public CompletableFuture<RegistrationResult> register(List<MetaTag> tags, NodeRef node, boolean selfOwned) {
            return client.send(new Register(tags, node, selfOwned))
                    .thenApply(iq -> iq instanceof Claimed c
                            ? new RegistrationResult.AlreadyClaimed(c.jid())
                            : new RegistrationResult.Registered());
        }

        @Override
        public CompletableFuture<UpdateOutcome> update(List<MetaTag> tags, NodeRef node) {
            return client.send(new Update(tags, node, null)).handle((iq, e) -> {
                if (e == null) {
                    return iq instanceof Disowned ? UpdateOutcome.DISOWNED : UpdateOutcome.UPDATED;
                }
                Throwable t = RegistryClient.typed(e);
                if (t instanceof ThingNotFoundException) {
                    return UpdateOutcome.NOT_FOUND;
                }
                throw new CompletionException(t);
            });
        }

        @Override
        public CompletableFuture<Void> unregister(NodeRef node) {
            return client.send(new Unregister(node)).thenApply(iq -> null);
        }

        @Override
        public CompletableFuture<Jid> registry() {
            return client.locator().registry();
        }
    }
}
