package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Disowned;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Removed;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.internal.DiscoveryProviders;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import io.github.xmppiot.discovery.internal.RegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@link ThingDiscoveryListener} events. After a claim it clears its {@code KEY} tag and publishes the public tags set
 * with {@link #setPublicTags} (§3.13, §6.5), then raises the {@code claimed} event. Requests from anyone but the
 * registry are refused with {@code forbidden}.
 */
public final class ThingDiscoveryManager {

    private static final Map<XMPPConnection, ThingDiscoveryManager> INSTANCES = new WeakHashMap<>();

    static {
        DiscoveryProviders.register();
    }

    private final XMPPConnection connection;
    private final RegistryClient client;
    private final List<ThingDiscoveryListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<NodeKey, List<MetaTag>> publicTags = new ConcurrentHashMap<>();

    private ThingDiscoveryManager(XMPPConnection connection) {
        this.connection = connection;
        Duration timeout = Duration.ofMillis(connection.getReplyTimeout());
        this.client = new RegistryClient(connection, new RegistryLocator(connection, null, timeout, ForkJoinPool.commonPool()),
                timeout);
        handle(Claimed.ELEMENT, Claimed.class, c -> {
            List<MetaTag> after = new ArrayList<>();
            after.add(new StringTag(MetaTags.KEY, ""));
            if (c.isPublic()) {
                after.addAll(publicTags.getOrDefault(new NodeKey(c.node().orElse(null)), List.of()));
            }
            update(after, c.node().orElse(null)).whenComplete((outcome, failure) ->
                    listeners.forEach(l -> l.claimed(c.jid(), c.node().orElse(null), c.isPublic())));
        });
        handle(Removed.ELEMENT, Removed.class, r -> listeners.forEach(l -> l.removed(r.node().orElse(null))));
        handle(Disowned.ELEMENT, Disowned.class, d -> listeners.forEach(l -> l.disowned(d.node().orElse(null))));
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
     * Sets the tags the Thing publishes (with an {@code update}) once claimed as public, e.g. location tags (XEP-0347
     * §3.13). The {@code KEY} tag is cleared in any case.
     *
     * @param node the node behind a concentrator, or null
     * @param tags the public tags
     */
    public void setPublicTags(NodeRef node, List<? extends MetaTag> tags) {
        publicTags.put(new NodeKey(node), List.copyOf(tags));
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
    public CompletableFuture<RegistrationResult> register(List<? extends MetaTag> tags, NodeRef node, boolean selfOwned) {
        List<MetaTag> checked = MetaTags.checkUnique(tags);
        return client.send(new Register(checked, node, selfOwned)).thenApply(iq -> iq instanceof Claimed c
                ? new RegistrationResult.AlreadyClaimed(c.jid()) : new RegistrationResult.Registered());
    }

    /**
     * Updates some tags of the claimed Thing (XEP-0347 §3.13); a string tag with an empty value removes the tag.
     *
     * @param tags the tags to change
     * @param node the node behind a concentrator, or null
     * @return completes with the outcome ({@code item-not-found} becomes {@link UpdateOutcome#NOT_FOUND})
     */
    public CompletableFuture<UpdateOutcome> update(List<? extends MetaTag> tags, NodeRef node) {
        return client.send(new Update(MetaTags.checkUnique(tags), node, null)).handle((iq, e) -> {
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

    /**
     * Removes the Thing's registration (XEP-0347 §3.16).
     *
     * @param node the node behind a concentrator, or null
     * @return completes when the registry acknowledged
     */
    public CompletableFuture<Void> unregister(NodeRef node) {
        return client.send(new Unregister(node)).thenApply(iq -> null);
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
        connection.registerIQRequestHandler(new IotIqRequestHandler<R>(connection, element, DiscoveryXml.NAMESPACE, IQ.Type.set,
                type, Duration.ofMillis(connection.getReplyTimeout())) {
            @Override
            protected CompletionStage<? extends IQ> handle(R request) {
                return body.apply(request);
            }
        });
    }

    /** A map key for an optional node. */
    private record NodeKey(NodeRef node) {
    }
}
