package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.internal.NodeCommands;
import io.github.xmppiot.concentrator.internal.NodeDescriber;
import io.github.xmppiot.concentrator.internal.NodeEditing;
import io.github.xmppiot.concentrator.internal.NodeQueries;
import io.github.xmppiot.concentrator.internal.QueryRunner;
import io.github.xmppiot.concentrator.internal.Subscriptions;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.Jid;

/**
 * The concentrator side of XEP-0326: serves a {@link NodeTree} to clients. It advertises
 * {@code urn:xmpp:iot:concentrators} (XEP-0326 §3.1, CHECKLIST 326-1), answers every XEP-0326 request element —
 * unsupported ones with {@code …Response result='NotImplemented'} (CHECKLIST 326-2) — sends data-source events
 * to subscribers (XEP-0326 §3.4) and runs node queries (§3.12, §3.13): a query starts once its
 * {@code executeNodeQueryResponse} has been sent, reports {@code queryProgress} messages to the requester only, and is
 * aborted when the requester goes offline or the server stops. One instance per connection.
 *
 * <p>Supported commands: see {@link #SUPPORTED}. Responses follow {@link ResultCode}: {@code OK} in an IQ result, other
 * codes in an IQ error carrying the response element and a standard {@code <error/>}.
 *
 * @since 0.1.0
 */
public final class ConcentratorServer extends Manager {

    /** The XEP-0326 feature advertised in service discovery. */
    public static final String FEATURE = ConcentratorRequest.NAMESPACE;

    /** The commands this server implements; the others answer {@code NotImplemented}. */
    public static final Set<ConcentratorCommand> SUPPORTED;

    /**
     * Default largest response sent, in characters: below Prosody's default {@code c2s_stanza_size_limit} of 256 KiB,
     * which closes the stream of a client sending a larger stanza.
     */
    public static final int DEFAULT_MAX_RESPONSE_CHARS = 240 * 1024;

    private static final Logger LOG = Logger.getLogger(ConcentratorServer.class.getName());
    private static final Map<XMPPConnection, ConcentratorServer> INSTANCES = new WeakHashMap<>();

    static {
        ConcentratorProviders.register();
        Set<ConcentratorCommand> s = EnumSet.allOf(ConcentratorCommand.class);
        s.removeAll(EnumSet.of(
                ConcentratorCommand.GET_INDICES,
                ConcentratorCommand.GET_NODES_FROM_INDEX,
                ConcentratorCommand.GET_NODES_FROM_INDICES,
                ConcentratorCommand.GET_ALL_INDEX_VALUES,
                ConcentratorCommand.GET_DATABASES,
                ConcentratorCommand.GET_DATABASE_READOUT_PARAMETERS,
                ConcentratorCommand.START_DATABASE_READOUT));
        SUPPORTED = java.util.Collections.unmodifiableSet(s);
    }

    private final Subscriptions subscriptions = new Subscriptions();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xep0326-concentrator");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xep0326-events");
        t.setDaemon(true);
        return t;
    });
    private final List<Handler> handlers = new ArrayList<>();
    private volatile NodeTree tree;
    private volatile int maxResponseChars = DEFAULT_MAX_RESPONSE_CHARS;
    private volatile NodeQueries queries;
    private volatile NodeEditing editing;
    private volatile NodeCommands commands;
    private final QueryRunner queryRunner = new QueryRunner(executor, this::send, () -> maxResponseChars);
    private volatile AccessPolicy accessPolicy;

    private ConcentratorServer(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        connection.addAsyncStanzaListener(
                p -> {
                    Presence presence = (Presence) p;
                    if (presence.getType() == Presence.Type.unavailable && presence.getFrom() != null) {
                        subscriptions.drop(presence.getFrom());
                        queryRunner.abortAll(presence.getFrom());
                    }
                },
                StanzaTypeFilter.PRESENCE);
        // A query starts once its executeNodeQueryResponse has gone out, so its queryId precedes its progress.
        connection.addStanzaSendingListener(
                s -> queryRunner.release(((ConcentratorResponse) s).queryId().get()),
                s -> s instanceof ConcentratorResponse r && r.queryId().isPresent());
    }

    /**
     * The server of a connection.
     *
     * @param connection the connection
     * @return its server
     */
    public static synchronized ConcentratorServer getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ConcentratorServer::new);
    }

    /**
     * Sets who may use the concentrator (XEP-0326 §3.13 "Security": restrict to friends or ask a provisioning server).
     * Requests of IQ type {@code get} and subscriptions are decided as reads, every other request (create, edit,
     * destroy, move, commands) as control. A refusal is answered with {@code InsufficientPrivileges} and a
     * {@code forbidden} error. The default is {@link AccessPolicy#friends}.
     *
     * @param policy the policy
     * @return this server
     */
    public ConcentratorServer setAccessPolicy(AccessPolicy policy) {
        this.accessPolicy = java.util.Objects.requireNonNull(policy, "policy");
        return this;
    }

    private CompletableFuture<ConcentratorResponse> authorised(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        boolean read =
                c.iqType() == IQ.Type.get || c == ConcentratorCommand.SUBSCRIBE || c == ConcentratorCommand.UNSUBSCRIBE;
        AccessPolicy policy = accessPolicy != null ? accessPolicy : AccessPolicy.friends(connection());
        AccessRequest ask = read
                ? AccessRequest.read(r.getFrom(), r.tokens(), List.of(), Set.of(), Set.of())
                : AccessRequest.control(r.getFrom(), r.tokens(), List.of(), Set.of());
        return policy.decide(ask)
                .toCompletableFuture()
                .thenCompose(d -> d.allowed()
                        ? dispatch(r)
                        : CompletableFuture.completedFuture(NodeQueries.fail(
                                c,
                                ResultCode.INSUFFICIENT_PRIVILEGES,
                                "not allowed to " + (read ? "read" : "change") + " this concentrator")));
    }

    /**
     * Starts serving a tree: registers the request handlers and the disco feature, and sends the tree's changes to
     * subscribers.
     *
     * @param nodes the tree
     * @return this server
     * @throws IllegalStateException if already serving a tree
     */
    public synchronized ConcentratorServer serve(NodeTree nodes) {
        if (tree != null) {
            throw new IllegalStateException("already serving a node tree");
        }
        tree = nodes;
        if (connection() instanceof IotTcpConnection iot) {
            // XEP-0326 §3.1: an unknown command is answered <nameResponse result='NotImplemented'/> (with an error).
            iot.answerUnknownRequests(
                    ConcentratorRequest.NAMESPACE,
                    e -> ConcentratorResponse.builder(e.getChildElementName() + "Response", ResultCode.NOT_IMPLEMENTED)
                            .errorText(e.getChildElementName() + " is not a command of this concentrator")
                            .build());
        }
        List<String> caps = new ArrayList<>();
        SUPPORTED.forEach(c -> caps.add(c.element()));
        queries = new NodeQueries(nodes, caps);
        editing = new NodeEditing(nodes, executor);
        commands = new NodeCommands(nodes, executor, queryRunner);
        NodeDescriber describer = new NodeDescriber(nodes);
        nodes.addListener(e -> {
            if (tree == nodes) {
                onChange(e, describer);
            }
        });
        XMPPConnection c = connection();
        for (ConcentratorCommand cmd : ConcentratorCommand.values()) {
            for (IQ.Type type : new IQ.Type[] {IQ.Type.get, IQ.Type.set}) {
                Handler h = new Handler(c, cmd, type);
                handlers.add(h);
                c.registerIQRequestHandler(h);
            }
        }
        ServiceDiscoveryManager.getInstanceFor(c).addFeature(FEATURE);
        return this;
    }

    /**
     * Stops serving: unregisters the handlers and the feature; subscriptions are dropped. The server may then
     * {@linkplain #serve serve} another tree (for example a restarted hub's).
     */
    public synchronized void stop() {
        tree = null;
        XMPPConnection c = connection();
        handlers.forEach(c::unregisterIQRequestHandler);
        handlers.clear();
        ServiceDiscoveryManager.getInstanceFor(c).removeFeature(FEATURE);
        subscriptions.snapshot().keySet().forEach(subscriptions::drop);
        queryRunner.abortAll(null);
    }

    /**
     * Sets the largest response this server sends. A larger one (for example {@code getAllNodes} on a tree of
     * thousands of nodes) is answered {@code OtherError} instead, so the server's own stream is not closed for an
     * oversized stanza; clients can walk the tree with {@code getChildNodes} (XEP-0326 §3.7). Query results are
     * split over several {@code newRecords} to stay below it (§3.15).
     *
     * @param chars the limit in characters of the response stanza
     * @return this server
     */
    public ConcentratorServer setMaxResponseChars(int chars) {
        if (chars < 1024) {
            throw new IllegalArgumentException("limit too small: " + chars);
        }
        this.maxResponseChars = chars;
        return this;
    }

    /** @return the number of node queries running (XEP-0326 §3.12; a common query counts once per node) */
    public int runningQueryCount() {
        return queryRunner.runningCount();
    }

    /** @return the number of current subscribers */
    public int subscriberCount() {
        return subscriptions.snapshot().size();
    }

    private CompletableFuture<ConcentratorResponse> dispatch(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        if (!SUPPORTED.contains(c)) {
            return CompletableFuture.completedFuture(
                    NodeQueries.fail(c, ResultCode.NOT_IMPLEMENTED, c.element() + " is not implemented"));
        }
        if (c == ConcentratorCommand.SUBSCRIBE || c == ConcentratorCommand.UNSUBSCRIBE) {
            return CompletableFuture.completedFuture(subscription(r));
        }
        var q = queries.handle(r);
        if (q.isPresent()) {
            return CompletableFuture.completedFuture(q.get());
        }
        var cmd = commands.handle(r);
        if (cmd.isPresent()) {
            return cmd.get();
        }
        return editing.handle(r)
                .orElseGet(() -> CompletableFuture.completedFuture(
                        NodeQueries.fail(c, ResultCode.NOT_IMPLEMENTED, c.element() + " is not implemented")));
    }

    private ConcentratorResponse subscription(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        if (!NodeTree.SOURCE_ID.equals(r.sourceId().orElse(null))) {
            return NodeQueries.fail(c, ResultCode.NOT_FOUND, "unknown data source");
        }
        if (c == ConcentratorCommand.UNSUBSCRIBE) {
            subscriptions.unsubscribe(r.getFrom(), r);
            return ConcentratorResponse.builder(c, ResultCode.OK).build();
        }
        var since = r.eventsSince();
        if (since.isPresent()) {
            List<NodeEvent> past = subscriptions.since(since.get().toInstant(ZoneOffset.UTC));
            if (past == null) {
                return NodeQueries.fail(c, ResultCode.NOT_IMPLEMENTED, "events that old are no longer available");
            }
            subscriptions.subscribe(r.getFrom(), r);
            Subscriptions.Subscription s = subscriptions.snapshot().get(r.getFrom());
            for (NodeEvent e : past) {
                NodeEvent t = Subscriptions.tailor(e, s);
                if (t != null) {
                    send(r.getFrom(), t);
                }
            }
        } else {
            subscriptions.subscribe(r.getFrom(), r);
        }
        return ConcentratorResponse.builder(c, ResultCode.OK).build();
    }

    private void onChange(TreeEvent e, NodeDescriber describer) {
        NodeEvent event;
        if (e.kind().carriesInformation()) {
            event = new NodeEvent(
                    e.kind(),
                    NodeTree.SOURCE_ID,
                    describer.describe(e.node(), true, true),
                    e.afterNodeId(),
                    null,
                    e.oldId());
        } else if (e.kind() == NodeEvent.Kind.NODE_STATUS_CHANGED) {
            var b = io.github.xmppiot.concentrator.element.NodeInformation.builder(
                            e.node().nodeId())
                    .state(e.node().state());
            e.node().messages().forEach(b::message);
            event = new NodeEvent(e.kind(), NodeTree.SOURCE_ID, b.build(), null, null, null);
        } else {
            event = NodeEvent.ofRef(e.kind(), e.node().ref());
        }
        subscriptions.record(Instant.now(), event);
        for (var s : subscriptions.snapshot().entrySet()) {
            NodeEvent t = Subscriptions.tailor(event, s.getValue());
            if (t != null) {
                Jid to = s.getKey();
                sender.execute(() -> send(to, t));
            }
        }
    }

    private void send(Jid to, org.jivesoftware.smack.packet.ExtensionElement event) {
        try {
            Message m = connection()
                    .getStanzaFactory()
                    .buildMessageStanza()
                    .to(to)
                    .addExtension(event)
                    .build();
            connection().sendStanza(m);
        } catch (SmackException.NotConnectedException | InterruptedException ex) {
            LOG.log(Level.FINE, "event not sent to " + to, ex);
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Answers one request element of one IQ type. */
    private final class Handler extends IotIqRequestHandler<ConcentratorRequest> {
        Handler(XMPPConnection c, ConcentratorCommand cmd, IQ.Type type) {
            super(
                    c,
                    cmd.element(),
                    ConcentratorRequest.NAMESPACE,
                    type,
                    ConcentratorRequest.class,
                    Duration.ofSeconds(60));
        }

        @Override
        protected CompletionStage<? extends IQ> handle(ConcentratorRequest request) {
            return authorised(request)
                    .exceptionally(e ->
                            NodeQueries.fail(request.command(), ResultCode.OTHER_ERROR, String.valueOf(e.getMessage())))
                    .thenApply(resp -> {
                        resp.setStanzaId(request.getStanzaId());
                        resp.setTo(request.getFrom());
                        int size = resp.toXML().length();
                        if (size > maxResponseChars) {
                            ConcentratorResponse tooBig = NodeQueries.fail(
                                    request.command(),
                                    ResultCode.OTHER_ERROR,
                                    "the response (" + size + " characters) exceeds this concentrator's limit of "
                                            + maxResponseChars
                                            + "; ask for fewer nodes, for example with getChildNodes");
                            tooBig.setStanzaId(request.getStanzaId());
                            tooBig.setTo(request.getFrom());
                            return tooBig;
                        }
                        return resp;
                    });
        }
    }
}
