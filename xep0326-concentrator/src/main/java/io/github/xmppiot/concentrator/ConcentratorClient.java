package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.DataSource;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.internal.ActiveSubscriptions;
import io.github.xmppiot.concentrator.internal.ClientRuntime;
import io.github.xmppiot.concentrator.internal.RequestSender;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.concentrator.request.Direction;
import io.github.xmppiot.concentrator.request.EditRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.concentrator.request.NodeRequest;
import io.github.xmppiot.concentrator.request.Reply;
import io.github.xmppiot.concentrator.request.Request;
import io.github.xmppiot.concentrator.request.TreeRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * The client side of XEP-0326: typed requests to a concentrator ({@link #execute(Jid, Request)} for any request of
 * {@link io.github.xmppiot.concentrator.request}, and one method for each common one), each checking the {@code result} of the response (CHECKLIST 326-3): a code other than {@code OK}
 * completes the future exceptionally with a {@link ConcentratorException} carrying the code and the per-field errors.
 * Also delivers data-source events (XEP-0326 §3.4) to listeners, in order, and renews subscriptions after a fresh
 * session. Node commands and queries (§3.12, §3.13) are in {@link NodeCommandClient}. One instance per connection;
 * a request in flight when the connection drops fails at once with
 * {@link io.github.xmppiot.core.connection.ConnectionLostException}. Futures complete and listeners run on the
 * executors of its {@link ConcentratorClientSettings}, never on Smack's reader thread; {@link #close()} gives them
 * back.
 *
 * @since 0.1.0
 */
public final class ConcentratorClient extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, ConcentratorClient> INSTANCES = new WeakHashMap<>();

    static {
        ConcentratorProviders.register();
    }

    private final List<BiConsumer<Jid, NodeEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final ClientRuntime runtime = new ClientRuntime(ConcentratorClientSettings.DEFAULTS);
    private final ActiveSubscriptions active;
    private final StanzaListener eventTap = this::onMessage;

    private ConcentratorClient(XMPPConnection connection) {
        super(connection);
        this.active = new ActiveSubscriptions(connection, a -> send(a.to(), a.request(), a.tokens()), runtime::later);
        connection.addSyncStanzaListener(eventTap, StanzaTypeFilter.MESSAGE);
    }

    /**
     * The client of a connection; after {@link #close()} a fresh one.
     *
     * @param connection the connection
     * @return its client
     */
    public static synchronized ConcentratorClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ConcentratorClient::new);
    }

    /** @return the current settings */
    public ConcentratorClientSettings settings() {
        return runtime.settings();
    }

    /**
     * Replaces the settings atomically; new executors take effect for the next request and event.
     *
     * @param settings the new settings
     */
    public void configure(ConcentratorClientSettings settings) {
        runtime.configure(settings);
    }

    /**
     * Changes some settings atomically.
     *
     * @param change applied to a builder of the current settings
     */
    public void update(UnaryOperator<ConcentratorClientSettings.Builder> change) {
        configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * Stops the client: no more events are delivered, subscriptions are no longer renewed, the executors' lease is
     * given back and a later {@link #getInstanceFor} starts a fresh client. Idempotent; the connection stays open and
     * subscriptions at the concentrator stay until unsubscribed or the session ends.
     */
    @Override
    public void close() {
        if (runtime.isClosed()) {
            return;
        }
        connection().removeSyncStanzaListener(eventTap);
        active.close();
        eventListeners.clear();
        synchronized (ConcentratorClient.class) {
            INSTANCES.remove(connection(), this);
        }
        runtime.close();
    }

    private void onMessage(Stanza s) {
        Message m = (Message) s;
        for (ExtensionElement e : m.getExtensions()) {
            if (e instanceof NodeEvent ev) {
                runtime.deliver(
                        () -> eventListeners.forEach(l -> l.accept(m.getFrom(), ev)),
                        ev.kind() + " from " + m.getFrom());
            }
        }
    }

    /**
     * Listens to data-source events ({@code nodeAdded}, {@code nodeUpdated}, … XEP-0326 §3.4), delivered one at a
     * time in the order received.
     *
     * @param listener receives the sender and each event
     */
    public void addEventListener(BiConsumer<Jid, NodeEvent> listener) {
        eventListeners.add(listener);
    }

    /**
     * Removes an event listener.
     *
     * @param listener the listener
     */
    public void removeEventListener(BiConsumer<Jid, NodeEvent> listener) {
        eventListeners.remove(listener);
    }

    /**
     * Sends any typed XEP-0326 request (XEP-0326 §3.2–§3.14) without tokens; see
     * {@link #execute(Jid, Request, Tokens)}.
     *
     * @param to      the concentrator
     * @param request the request
     * @param <R>     the reply type
     * @return the typed reply; fails with {@link ConcentratorException} on a code other than {@code OK}
     */
    public <R extends Reply> CompletableFuture<R> execute(Jid to, Request<R> request) {
        return execute(to, request, Tokens.NONE);
    }

    /**
     * Sends any typed XEP-0326 request (XEP-0326 §3.2–§3.14) and checks the response code. The request is not
     * changed: each call sends a new element. A {@link DataSourceRequest.Subscribe} accepted by the concentrator is
     * renewed, with the same tokens, after a fresh session until a {@link DataSourceRequest.Unsubscribe} of its data
     * source.
     *
     * @param to      the concentrator
     * @param request the request
     * @param tokens  the tokens to send (XEP-0324 provisioning, CHECKLIST X-3), {@link Tokens#NONE} for none
     * @param <R>     the reply type
     * @return the typed reply of a response with {@code result='OK'}; otherwise fails with
     *     {@link ConcentratorException}
     */
    public <R extends Reply> CompletableFuture<R> execute(Jid to, Request<R> request, Tokens tokens) {
        Objects.requireNonNull(to, "to");
        if (request instanceof DataSourceRequest.Unsubscribe u) {
            active.unsubscribed(to, u.sourceId());
        }
        CompletableFuture<R> f = send(to, request, tokens);
        if (request instanceof DataSourceRequest.Subscribe s) {
            return f.thenApply(r -> {
                active.subscribed(new ActiveSubscriptions.Active(to, s, tokens));
                return r;
            });
        }
        return f;
    }

    private <R extends Reply> CompletableFuture<R> send(Jid to, Request<R> request, Tokens tokens) {
        if (runtime.isClosed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the ConcentratorClient is closed"));
        }
        ConcentratorRequest element = request.toElement(tokens);
        element.setTo(to);
        return RequestSender.send(connection(), element, runtime.work()).thenApply(request::reply);
    }

    /**
     * C1 {@code getCapabilities} (XEP-0326 §3.2).
     *
     * @param to the concentrator
     * @return the supported request names
     */
    public CompletableFuture<List<String>> getCapabilities(Jid to) {
        return execute(to, new DataSourceRequest.GetCapabilities()).thenApply(Reply.Capabilities::commands);
    }

    /**
     * C2 {@code getAllDataSources} (XEP-0326 §3.3).
     *
     * @param to the concentrator
     * @return the data sources
     */
    public CompletableFuture<List<DataSource>> getAllDataSources(Jid to) {
        return execute(to, new DataSourceRequest.GetAllDataSources()).thenApply(Reply.DataSources::sources);
    }

    /**
     * C3 {@code subscribe} to every event of a data source (XEP-0326 §3.4); kept until {@link #unsubscribe}: after a
     * reconnect with a fresh session (no XEP-0198 resumption) it is sent again, retried with a growing pause until the
     * concentrator accepts it, and events keep reaching the same listeners. Other selections through
     * {@link #execute(Jid, Request)} with a {@link DataSourceRequest.Subscribe}.
     *
     * @param to       the concentrator
     * @param sourceId the data source
     * @param details  what node events carry
     * @return completes when subscribed
     */
    public CompletableFuture<Void> subscribe(Jid to, String sourceId, Set<NodeDetail> details) {
        return execute(to, DataSourceRequest.Subscribe.all(sourceId, details)).thenApply(r -> null);
    }

    /**
     * C4 {@code unsubscribe} from every event of a data source (XEP-0326 §3.4).
     *
     * @param to       the concentrator
     * @param sourceId the data source
     * @return completes when unsubscribed
     */
    public CompletableFuture<Void> unsubscribe(Jid to, String sourceId) {
        return execute(to, DataSourceRequest.Unsubscribe.all(sourceId)).thenApply(r -> null);
    }

    /**
     * C5 {@code containsNode} (XEP-0326 §3.5).
     *
     * @param to   the concentrator
     * @param node the node
     * @return whether it exists
     */
    public CompletableFuture<Boolean> containsNode(Jid to, NodeRef node) {
        return execute(to, new NodeRequest.ContainsNode(node)).thenApply(Reply.Contains::contained);
    }

    /**
     * C7 {@code getNode} (XEP-0326 §3.6).
     *
     * @param to      the concentrator
     * @param node    the node
     * @param details what the description carries
     * @return the node
     */
    public CompletableFuture<NodeInformation> getNode(Jid to, NodeRef node, Set<NodeDetail> details) {
        return execute(to, new NodeRequest.GetNode(node, details)).thenApply(Reply.Node::node);
    }

    /**
     * C9 {@code getAllNodes} (XEP-0326 §3.7).
     *
     * @param to       the concentrator
     * @param sourceId the data source
     * @param details  what the descriptions carry
     * @return the nodes
     */
    public CompletableFuture<List<NodeInformation>> getAllNodes(Jid to, String sourceId, Set<NodeDetail> details) {
        return execute(to, new TreeRequest.GetAllNodes(sourceId, details)).thenApply(Reply.Nodes::nodes);
    }

    /**
     * C11 {@code getRootNodes} (XEP-0326 §3.7), without parameters or messages.
     *
     * @param to       the concentrator
     * @param sourceId the data source
     * @return the root nodes
     */
    public CompletableFuture<List<NodeInformation>> getRootNodes(Jid to, String sourceId) {
        return execute(to, new TreeRequest.GetRootNodes(sourceId, NodeDetail.NONE))
                .thenApply(Reply.Nodes::nodes);
    }

    /**
     * C11 {@code getChildNodes} (XEP-0326 §3.7), in the concentrator's order.
     *
     * @param to      the concentrator
     * @param node    the parent
     * @param details what the descriptions carry
     * @return the children, in order
     */
    public CompletableFuture<List<NodeInformation>> getChildNodes(Jid to, NodeRef node, Set<NodeDetail> details) {
        return execute(to, new TreeRequest.GetChildNodes(node, details)).thenApply(Reply.Nodes::nodes);
    }

    /**
     * C14 {@code moveNodeUp} / {@code moveNodeDown} (XEP-0326 §3.7).
     *
     * @param to        the concentrator
     * @param node      the node
     * @param direction where to move it among its siblings
     * @return completes when done
     */
    public CompletableFuture<Void> moveNode(Jid to, NodeRef node, Direction direction) {
        return execute(to, new NodeRequest.MoveNode(node, direction)).thenApply(r -> null);
    }

    /**
     * C15 {@code getNodeParametersForEdit} (XEP-0326 §3.9).
     *
     * @param to   the concentrator
     * @param node the node
     * @return the parameter form
     */
    public CompletableFuture<DataForm> getNodeParametersForEdit(Jid to, NodeRef node) {
        return execute(to, new EditRequest.GetNodeParametersForEdit(node)).thenApply(Reply.Form::form);
    }

    /**
     * C15 {@code setNodeParametersAfterEdit} (XEP-0326 §3.9).
     *
     * @param to   the concentrator
     * @param node the node
     * @param form the submitted form
     * @return the updated node; a {@code FormError} fails with the per-field errors
     */
    public CompletableFuture<NodeInformation> setNodeParametersAfterEdit(Jid to, NodeRef node, DataForm form) {
        return execute(to, new EditRequest.SetNodeParametersAfterEdit(node, form))
                .thenApply(Reply.Nodes::first);
    }

    /**
     * C17 {@code getAddableNodeTypes} (XEP-0326 §3.11).
     *
     * @param to     the concentrator
     * @param parent the intended parent
     * @return the types that may be created there
     */
    public CompletableFuture<List<AddableNodeType>> getAddableNodeTypes(Jid to, NodeRef parent) {
        return execute(to, new EditRequest.GetAddableNodeTypes(parent)).thenApply(Reply.NodeTypes::types);
    }

    /**
     * C17 {@code getParametersForNewNode} (XEP-0326 §3.11).
     *
     * @param to     the concentrator
     * @param parent the intended parent
     * @param type   the node type
     * @return the form
     */
    public CompletableFuture<DataForm> getParametersForNewNode(Jid to, NodeRef parent, String type) {
        return execute(to, new EditRequest.GetParametersForNewNode(parent, type))
                .thenApply(Reply.Form::form);
    }

    /**
     * C17 {@code createNewNode} (XEP-0326 §3.11).
     *
     * @param to     the concentrator
     * @param parent the parent
     * @param type   the node type
     * @param form   the submitted form
     * @return the new node; a {@code FormError} fails with the per-field errors and creates nothing
     */
    public CompletableFuture<NodeInformation> createNewNode(Jid to, NodeRef parent, String type, DataForm form) {
        return execute(to, new EditRequest.CreateNewNode(parent, type, form)).thenApply(Reply.Nodes::first);
    }

    /**
     * C17 {@code destroyNode} (XEP-0326 §3.11).
     *
     * @param to   the concentrator
     * @param node the node
     * @return completes when destroyed
     */
    public CompletableFuture<Void> destroyNode(Jid to, NodeRef node) {
        return execute(to, new EditRequest.DestroyNode(node)).thenApply(r -> null);
    }
}
