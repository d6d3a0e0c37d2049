package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.DataSource;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.internal.ActiveSubscriptions;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.BooleanValue;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * The client side of XEP-0326: asynchronous requests to a concentrator, each checking the {@code result} of the
 * response (CHECKLIST 326-3): a code other than {@code OK} completes the future exceptionally with a
 * {@link ConcentratorException} carrying the code and the per-field errors. Also delivers data-source events
 * (XEP-0326 §3.4) to listeners. Node commands and queries (§3.12, §3.13) are in {@link NodeCommandClient}. One
 * instance per connection. A request in flight when the connection drops fails at once with
 * {@link io.github.xmppiot.core.connection.ConnectionLostException}.
 *
 * @since 0.1.0
 */
public final class ConcentratorClient extends Manager {

    private static final Map<XMPPConnection, ConcentratorClient> INSTANCES = new WeakHashMap<>();

    static {
        ConcentratorProviders.register();
    }

    private final List<BiConsumer<Jid, NodeEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final ActiveSubscriptions active;

    private ConcentratorClient(XMPPConnection connection) {
        super(connection);
        this.active = new ActiveSubscriptions(connection, a -> send(a));
        connection.addAsyncStanzaListener(
                s -> {
                    Message m = (Message) s;
                    for (ExtensionElement e : m.getExtensions()) {
                        if (e instanceof NodeEvent ev) {
                            eventListeners.forEach(l -> l.accept(m.getFrom(), ev));
                        }
                    }
                },
                StanzaTypeFilter.MESSAGE);
    }

    /**
     * The client of a connection.
     *
     * @param connection the connection
     * @return its client
     */
    public static synchronized ConcentratorClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ConcentratorClient::new);
    }

    /**
     * Listens to data-source events ({@code nodeAdded}, {@code nodeUpdated}, … XEP-0326 §3.4).
     *
     * @param listener receives the sender and each event, in document order
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
     * Sends any XEP-0326 request and checks the response code.
     *
     * @param to      the concentrator
     * @param request the request
     * @return the response with {@code result='OK'}; otherwise fails with {@link ConcentratorException}
     */
    public CompletableFuture<ConcentratorResponse> execute(Jid to, ConcentratorRequest request) {
        request.setTo(to);
        CompletableFuture<ConcentratorResponse> f = new CompletableFuture<>();
        connection()
                .sendIqRequestAsync(request)
                .onSuccess(iq -> complete(f, iq))
                .onError(e -> {
                    if (e instanceof XMPPException.XMPPErrorException x) {
                        if (x.getStanza() instanceof ConcentratorResponse r) {
                            f.completeExceptionally(new ConcentratorException(r.result(), r, text(x.getStanzaError())));
                        } else {
                            f.completeExceptionally(new ConcentratorException(
                                    ResultCode.fromCondition(x.getStanzaError().getCondition()),
                                    null,
                                    x.getStanzaError().toString()));
                        }
                    } else {
                        f.completeExceptionally(e);
                    }
                });
        return io.github.xmppiot.core.connection.ConnectionSupervisor.getInstanceFor(connection())
                .failFast(f);
    }

    /**
     * The concentrator's reason (the error's {@code text}). Smack 4.4 reads a {@code text} child without the stanzas
     * namespace, as Smack itself writes it inside an IQ, as an extension instead; it is then taken from the XML.
     */
    static String text(StanzaError error) {
        String text = error.getDescriptiveText();
        if (text != null) {
            return text;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text\\b[^>]*>([^<]*)</text>")
                .matcher(error.toXML().toString());
        return m.find()
                ? m.group(1)
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&")
                : null;
    }

    private static void complete(CompletableFuture<ConcentratorResponse> f, IQ iq) {
        if (!(iq instanceof ConcentratorResponse r)) {
            f.completeExceptionally(new ConcentratorException(
                    ResultCode.OTHER_ERROR, null, "unexpected answer " + iq.getChildElementName()));
        } else if (!r.result().isOk()) {
            f.completeExceptionally(new ConcentratorException(r.result(), r, null));
        } else {
            f.complete(r);
        }
    }

    private <T> CompletableFuture<T> call(
            Jid to, ConcentratorRequest.Builder b, Function<ConcentratorResponse, T> result) {
        return execute(to, b.build()).thenApply(result);
    }

    private static ConcentratorRequest.Builder req(ConcentratorCommand c) {
        return ConcentratorRequest.builder(c);
    }

    private static ConcentratorRequest.Builder nodeReq(
            ConcentratorCommand c, NodeRef node, boolean parameters, boolean messages) {
        ConcentratorRequest.Builder b = req(c).node(node);
        if (parameters) {
            b.flag("parameters", true);
        }
        if (messages) {
            b.flag("messages", true);
        }
        return b;
    }

    /**
     * C1 {@code getCapabilities} (XEP-0326 §3.2).
     *
     * @param to the concentrator
     * @return the supported command names
     */
    public CompletableFuture<List<String>> getCapabilities(Jid to) {
        return call(to, req(ConcentratorCommand.GET_CAPABILITIES), ConcentratorResponse::values);
    }

    /**
     * C2 {@code getAllDataSources} (XEP-0326 §3.3).
     *
     * @param to the concentrator
     * @return the data sources
     */
    public CompletableFuture<List<DataSource>> getAllDataSources(Jid to) {
        return call(to, req(ConcentratorCommand.GET_ALL_DATA_SOURCES), ConcentratorResponse::dataSources);
    }

    /**
     * C2 {@code getRootDataSources} (XEP-0326 §3.3).
     *
     * @param to the concentrator
     * @return the root data sources
     */
    public CompletableFuture<List<DataSource>> getRootDataSources(Jid to) {
        return call(to, req(ConcentratorCommand.GET_ROOT_DATA_SOURCES), ConcentratorResponse::dataSources);
    }

    /**
     * C2 {@code getChildDataSources} (XEP-0326 §3.3).
     *
     * @param to       the concentrator
     * @param sourceId the parent source
     * @return the child data sources
     */
    public CompletableFuture<List<DataSource>> getChildDataSources(Jid to, String sourceId) {
        return call(
                to,
                req(ConcentratorCommand.GET_CHILD_DATA_SOURCES).sourceId(sourceId),
                ConcentratorResponse::dataSources);
    }

    /**
     * C3 {@code subscribe} to all events of a data source (XEP-0326 §3.4). The subscription is kept until
     * {@link #unsubscribe}: after a reconnect with a fresh session (no XEP-0198 resumption, e.g. the server restarted)
     * it is sent again, retried until the concentrator accepts it, and events keep reaching the same listeners.
     *
     * @param to         the concentrator
     * @param sourceId   the data source
     * @param parameters whether events carry node parameters
     * @param messages   whether events carry node messages
     * @return completes when subscribed
     */
    public CompletableFuture<Void> subscribe(Jid to, String sourceId, boolean parameters, boolean messages) {
        ActiveSubscriptions.Active a = new ActiveSubscriptions.Active(to, sourceId, parameters, messages);
        return send(a).thenRun(() -> active.subscribed(a));
    }

    private CompletableFuture<Void> send(ActiveSubscriptions.Active a) {
        return call(
                a.to(),
                req(ConcentratorCommand.SUBSCRIBE)
                        .sourceId(a.sourceId())
                        .flag("parameters", a.parameters())
                        .flag("messages", a.messages()),
                r -> null);
    }

    /**
     * C4 {@code unsubscribe} from all events of a data source (XEP-0326 §3.4).
     *
     * @param to       the concentrator
     * @param sourceId the data source
     * @return completes when unsubscribed
     */
    public CompletableFuture<Void> unsubscribe(Jid to, String sourceId) {
        active.unsubscribed(to, sourceId);
        return call(to, req(ConcentratorCommand.UNSUBSCRIBE).sourceId(sourceId), r -> null);
    }

    /**
     * C5 {@code containsNode} (XEP-0326 §3.5).
     *
     * @param to   the concentrator
     * @param node the node
     * @return whether it exists
     */
    public CompletableFuture<Boolean> containsNode(Jid to, NodeRef node) {
        return call(
                to,
                req(ConcentratorCommand.CONTAINS_NODE).node(node),
                r -> BooleanValue.parseBoolean(r.text().orElse("false")));
    }

    /**
     * C7 {@code getNode} (XEP-0326 §3.6).
     *
     * @param to         the concentrator
     * @param node       the node
     * @param parameters whether to include node parameters
     * @param messages   whether to include node messages
     * @return the node
     */
    public CompletableFuture<NodeInformation> getNode(Jid to, NodeRef node, boolean parameters, boolean messages) {
        return call(
                to,
                nodeReq(ConcentratorCommand.GET_NODE, node, parameters, messages),
                r -> r.node().orElseThrow());
    }

    /**
     * C9 {@code getAllNodes} (XEP-0326 §3.7).
     *
     * @param to         the concentrator
     * @param sourceId   the data source
     * @param parameters whether to include node parameters
     * @return the nodes
     */
    public CompletableFuture<List<NodeInformation>> getAllNodes(Jid to, String sourceId, boolean parameters) {
        return call(
                to,
                req(ConcentratorCommand.GET_ALL_NODES).sourceId(sourceId).flag("parameters", parameters),
                ConcentratorResponse::nodes);
    }

    /**
     * C11 {@code getRootNodes} (XEP-0326 §3.7).
     *
     * @param to       the concentrator
     * @param sourceId the data source
     * @return the root nodes
     */
    public CompletableFuture<List<NodeInformation>> getRootNodes(Jid to, String sourceId) {
        return call(to, req(ConcentratorCommand.GET_ROOT_NODES).sourceId(sourceId), ConcentratorResponse::nodes);
    }

    /**
     * C11 {@code getChildNodes} (XEP-0326 §3.7).
     *
     * @param to         the concentrator
     * @param node       the parent
     * @param parameters whether to include node parameters
     * @return the children, in order
     */
    public CompletableFuture<List<NodeInformation>> getChildNodes(Jid to, NodeRef node, boolean parameters) {
        return call(
                to, nodeReq(ConcentratorCommand.GET_CHILD_NODES, node, parameters, false), ConcentratorResponse::nodes);
    }

    /**
     * C13 {@code getAncestors} (XEP-0326 §3.7).
     *
     * @param to   the concentrator
     * @param node the node
     * @return the node and its ancestors up to the root
     */
    public CompletableFuture<List<NodeInformation>> getAncestors(Jid to, NodeRef node) {
        return call(to, nodeReq(ConcentratorCommand.GET_ANCESTORS, node, false, false), ConcentratorResponse::nodes);
    }

    /**
     * C14 {@code moveNodeUp} / {@code moveNodeDown} (XEP-0326 §3.7).
     *
     * @param to   the concentrator
     * @param node the node
     * @param up   true to move up
     * @return completes when done
     */
    public CompletableFuture<Void> moveNode(Jid to, NodeRef node, boolean up) {
        return call(
                to,
                req(up ? ConcentratorCommand.MOVE_NODE_UP : ConcentratorCommand.MOVE_NODE_DOWN)
                        .node(node),
                r -> null);
    }

    /**
     * C15 {@code getNodeParametersForEdit} (XEP-0326 §3.9).
     *
     * @param to   the concentrator
     * @param node the node
     * @return the parameter form
     */
    public CompletableFuture<DataForm> getNodeParametersForEdit(Jid to, NodeRef node) {
        return call(
                to,
                req(ConcentratorCommand.GET_NODE_PARAMETERS_FOR_EDIT).node(node),
                r -> r.form().orElseThrow());
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
        return call(
                to,
                req(ConcentratorCommand.SET_NODE_PARAMETERS_AFTER_EDIT)
                        .node(node)
                        .form(form),
                r -> r.nodes().get(0));
    }

    /**
     * C17 {@code getAddableNodeTypes} (XEP-0326 §3.11).
     *
     * @param to     the concentrator
     * @param parent the intended parent
     * @return the types that may be created there
     */
    public CompletableFuture<List<AddableNodeType>> getAddableNodeTypes(Jid to, NodeRef parent) {
        return call(to, req(ConcentratorCommand.GET_ADDABLE_NODE_TYPES).node(parent), ConcentratorResponse::nodeTypes);
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
        return call(
                to,
                req(ConcentratorCommand.GET_PARAMETERS_FOR_NEW_NODE)
                        .node(parent)
                        .attribute("type", type),
                r -> r.form().orElseThrow());
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
        return call(
                to,
                req(ConcentratorCommand.CREATE_NEW_NODE)
                        .node(parent)
                        .attribute("type", type)
                        .form(form),
                r -> r.nodes().get(0));
    }

    /**
     * C17 {@code destroyNode} (XEP-0326 §3.11).
     *
     * @param to   the concentrator
     * @param node the node
     * @return completes when destroyed
     */
    public CompletableFuture<Void> destroyNode(Jid to, NodeRef node) {
        return call(to, req(ConcentratorCommand.DESTROY_NODE).node(node), r -> null);
    }
}
