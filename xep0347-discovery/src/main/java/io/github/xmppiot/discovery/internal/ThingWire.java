package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.ThingNotFoundException;
import io.github.xmppiot.discovery.UpdateOutcome;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Disowned;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Removed;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * The Thing's side of the wire (XEP-0347): its requests to the registry ({@code register}, {@code update},
 * {@code unregister}, §3.6-§3.16) and the handlers answering the registry's {@code claimed}, {@code removed} and
 * {@code disowned} (§3.9, §3.10, §3.17), which only the registry may send. Not API.
 */
public final class ThingWire implements ThingLifecycle.Wire {

    private final XMPPConnection connection;
    private final RegistryClient client;
    private final Duration timeout;

    /** Creates the wire of a Thing's connection. */
    public ThingWire(XMPPConnection connection, RegistryClient client, Duration timeout) {
        this.connection = connection;
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Registers the handlers of the registry's requests; each acknowledges and then tells the lifecycle.
     *
     * @return the handlers, for unregistering them
     */
    public List<IQRequestHandler> install(ThingLifecycle lifecycle) {
        List<IQRequestHandler> handlers = List.of(
                handler(
                        Claimed.ELEMENT,
                        Claimed.class,
                        c -> lifecycle.onClaimed(c.jid(), c.node().orElse(null), c.isPublic())),
                handler(
                        Removed.ELEMENT,
                        Removed.class,
                        r -> lifecycle.onRemoved(r.node().orElse(null))),
                handler(
                        Disowned.ELEMENT,
                        Disowned.class,
                        d -> lifecycle.onDisowned(d.node().orElse(null))));
        handlers.forEach(connection::registerIQRequestHandler);
        return handlers;
    }

    private <R extends IQ> IQRequestHandler handler(String element, Class<R> type, Consumer<R> event) {
        return new IotIqRequestHandler<R>(connection, element, DiscoveryXml.NAMESPACE, IQ.Type.set, type, timeout) {
            @Override
            protected CompletionStage<? extends IQ> handle(R req) {
                CompletableFuture<IQ> answer = new CompletableFuture<>();
                client.locator().registry().whenComplete((registry, e) -> {
                    if (Work.refused(e)) { // answered wait/resource-constraint by the handler
                        answer.completeExceptionally(e);
                        return;
                    }
                    if (e != null || !req.getFrom().asBareJid().equals(registry.asBareJid())) {
                        answer.completeExceptionally(IotErrors.forbidden("only the Thing Registry may send this"));
                        return;
                    }
                    answer.complete(IQ.createResultIQ(req));
                    event.accept(req);
                });
                return answer;
            }
        };
    }

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
