package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.internal.NodeQueries;
import io.github.xmppiot.concentrator.internal.QueryRunner;
import io.github.xmppiot.concentrator.internal.ServedTree;
import io.github.xmppiot.concentrator.internal.ServerThreads;
import io.github.xmppiot.concentrator.internal.SubscriptionRequests;
import io.github.xmppiot.concentrator.internal.Subscriptions;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.internal.Sending;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jxmpp.jid.Jid;

/**
 * The concentrator side of XEP-0326: serves a {@link NodeTree} to clients. It advertises
 * {@code urn:xmpp:iot:concentrators} (XEP-0326 §3.1, CHECKLIST 326-1), answers every XEP-0326 request element —
 * unsupported ones with {@code …Response result='NotImplemented'} (CHECKLIST 326-2) — sends data-source events
 * to subscribers (XEP-0326 §3.4) and runs node queries (§3.12, §3.13): a query starts once its
 * {@code executeNodeQueryResponse} has been sent, reports {@code queryProgress} messages to the requester only, and is
 * aborted when the requester goes offline or the server closes. One instance per connection.
 *
 * <pre>{@code
 * ConcentratorServer server = ConcentratorServer.getInstanceFor(connection).update(s -> s.tree(tree));
 * // ...
 * server.close(); // unregisters everything; getInstanceFor(connection) then starts a fresh server
 * }</pre>
 *
 * <p>Configuration: one immutable {@link ConcentratorServerSettings} ({@link #settings()}), swapped as a whole by
 * {@link #configure} or {@link #update}; a request is served with the settings current when it arrived. The server
 * answers requests only while its settings name a {@linkplain ConcentratorServerSettings#tree() tree}.
 *
 * <p>Threads: requests, node commands, queries and events run on a lease of the settings'
 * {@linkplain ConcentratorServerSettings#executors() executors}, never on Smack's reader thread; events to subscribers
 * go out in order through a bounded serial executor. A request refused by a full work queue is answered
 * {@code wait/resource-constraint}.
 *
 * <p>Supported commands: see {@link #SUPPORTED}. Responses follow {@link ResultCode}: {@code OK} in an IQ result, other
 * codes in an IQ error carrying the response element and a standard {@code <error/>}.
 *
 * @since 0.1.0
 */
public final class ConcentratorServer extends Manager implements AutoCloseable {

    /** The XEP-0326 feature advertised in service discovery. */
    public static final String FEATURE = ConcentratorRequest.NAMESPACE;

    /** The commands this server implements; the others answer {@code NotImplemented}. */
    public static final Set<ConcentratorCommand> SUPPORTED;

    private static final List<String> CAPABILITIES;

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
        CAPABILITIES = SUPPORTED.stream().map(ConcentratorCommand::element).toList();
    }

    private final Subscriptions subscriptions = new Subscriptions();
    private final SubscriptionRequests subscriptionRequests = new SubscriptionRequests(subscriptions, this::send);
    private final ServerThreads threads = new ServerThreads(
            ConcentratorServerSettings.DEFAULTS.executors(), ConcentratorServerSettings.DEFAULTS.maxPendingEvents());
    private volatile State state = new State(ConcentratorServerSettings.DEFAULTS, null);
    private final QueryRunner queryRunner = new QueryRunner(
            threads.work(), threads.later(), this::send, () -> state.settings().maxResponseChars());
    private final StanzaListener presenceListener;
    private final StanzaListener sentListener;
    private boolean closed;
    /** The NotImplemented answer to unknown commands (XEP-0326 §3.1) while a tree is served; guarded by this. */
    private IotTcpConnection.Registration unknownAnswer;

    /** What a request is served with: the settings and the tree served (null when none). */
    private record State(ConcentratorServerSettings settings, ServedTree serving) {}

    private ConcentratorServer(XMPPConnection connection) {
        super(connection);
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        presenceListener = p -> {
            Presence presence = (Presence) p;
            if (presence.getType() == Presence.Type.unavailable && presence.getFrom() != null) {
                subscriptions.drop(presence.getFrom());
                queryRunner.abortAll(presence.getFrom());
            }
        };
        connection.addAsyncStanzaListener(presenceListener, StanzaTypeFilter.PRESENCE);
        // A query starts once its executeNodeQueryResponse has gone out, so its queryId precedes its progress.
        sentListener =
                s -> queryRunner.release(((ConcentratorResponse) s).queryId().get());
        connection.addStanzaSendingListener(
                sentListener,
                s -> s instanceof ConcentratorResponse r && r.queryId().isPresent());
    }

    /**
     * The server of a connection; a new one (with {@link ConcentratorServerSettings#DEFAULTS}) if there is none or the
     * last one was {@linkplain #close() closed}.
     *
     * @param connection the connection
     * @return its server
     */
    public static synchronized ConcentratorServer getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ConcentratorServer::new);
    }

    /**
     * The current settings.
     *
     * @return the snapshot requests arriving now are served with
     */
    public ConcentratorServerSettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings atomically; requests arriving afterwards are served with them. Naming a tree starts
     * serving it (registers the request handlers and the disco feature {@link #FEATURE}, sends its changes to
     * subscribers); naming another tree or none drops the subscriptions and aborts the queries of the old one. Naming
     * other executors takes a lease on them and gives the old lease back.
     *
     * @param settings the new settings
     * @return this server
     * @throws IllegalStateException if the server is closed; get a fresh one from {@link #getInstanceFor}
     */
    public synchronized ConcentratorServer configure(ConcentratorServerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (closed) {
            throw new IllegalStateException(
                    "this ConcentratorServer is closed; call ConcentratorServer.getInstanceFor(connection) for a new one");
        }
        threads.use(settings.executors(), settings.maxPendingEvents());
        ServedTree serving = state.serving();
        if (serving != null && serving.tree() != settings.tree()) {
            serving.stop(connection(), FEATURE);
            stopAnsweringUnknownRequests();
            serving = null;
        }
        boolean start = serving == null && settings.tree() != null;
        if (start) {
            serving = new ServedTree(settings.tree(), CAPABILITIES, threads, queryRunner, subscriptions, this::send);
        }
        state = new State(settings, serving);
        if (start) {
            answerUnknownRequests();
            List<Handler> handlers = new ArrayList<>();
            for (ConcentratorCommand cmd : ConcentratorCommand.values()) {
                handlers.add(new Handler(connection(), cmd, IQ.Type.get));
                handlers.add(new Handler(connection(), cmd, IQ.Type.set));
            }
            serving.start(connection(), handlers, FEATURE);
        }
        return this;
    }

    /**
     * Changes some settings atomically, for example {@code update(s -> s.accessPolicy(policy))}.
     *
     * @param change changes a builder holding the current settings
     * @return this server
     * @throws IllegalArgumentException if the changed settings are invalid; the message names the fix
     * @throws IllegalStateException    if the server is closed
     */
    public synchronized ConcentratorServer update(UnaryOperator<ConcentratorServerSettings.Builder> change) {
        return configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * Stops serving: unregisters the request handlers and listeners, removes the disco feature, drops the
     * subscriptions, aborts the running queries, gives the executor lease back and forgets this instance, so a later
     * {@link #getInstanceFor} starts a fresh server. Idempotent; the connection stays open.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            State s = state;
            if (s.serving() != null) {
                s.serving().stop(connection(), FEATURE);
            }
            stopAnsweringUnknownRequests();
            state = new State(s.settings(), null);
            XMPPConnection c = connection();
            if (c != null) {
                c.removeAsyncStanzaListener(presenceListener);
                c.removeStanzaSendingListener(sentListener);
            }
            threads.close();
        }
        synchronized (ConcentratorServer.class) {
            INSTANCES.remove(connection(), this);
        }
    }

    /** Answers unknown commands while a tree is served; removed with the tree (close, or settings without a tree). */
    private void answerUnknownRequests() {
        stopAnsweringUnknownRequests();
        if (connection() instanceof IotTcpConnection iot) {
            // XEP-0326 §3.1: an unknown command is answered <nameResponse result='NotImplemented'/> (with an error).
            unknownAnswer = iot.answerUnknownRequests(
                    ConcentratorRequest.NAMESPACE,
                    e -> ConcentratorResponse.builder(e.getChildElementName() + "Response", ResultCode.NOT_IMPLEMENTED)
                            .errorText(e.getChildElementName() + " is not a command of this concentrator")
                            .build());
        }
    }

    private void stopAnsweringUnknownRequests() {
        IotTcpConnection.Registration r = unknownAnswer;
        unknownAnswer = null;
        if (r != null) {
            r.close();
        }
    }

    private CompletableFuture<ConcentratorResponse> authorised(State s, ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        if (s.serving() == null) {
            return CompletableFuture.completedFuture(
                    NodeQueries.fail(c, ResultCode.NOT_FOUND, "this concentrator serves no node tree"));
        }
        boolean read =
                c.iqType() == IQ.Type.get || c == ConcentratorCommand.SUBSCRIBE || c == ConcentratorCommand.UNSUBSCRIBE;
        AccessPolicy policy =
                s.settings().accessPolicy() != null ? s.settings().accessPolicy() : AccessPolicy.friends(connection());
        AccessRequest ask = read
                ? AccessRequest.read(r.getFrom(), r.tokens(), List.of(), Set.of(), Set.of())
                : AccessRequest.control(r.getFrom(), r.tokens(), List.of(), Set.of());
        return policy.decide(ask)
                .toCompletableFuture()
                .thenCompose(d -> d.allowed()
                        ? dispatch(s.serving(), r)
                        : CompletableFuture.completedFuture(NodeQueries.fail(
                                c,
                                ResultCode.INSUFFICIENT_PRIVILEGES,
                                "not allowed to " + (read ? "read" : "change") + " this concentrator")));
    }

    /** @return the number of node queries running (XEP-0326 §3.12; a common query counts once per node) */
    public int runningQueryCount() {
        return queryRunner.runningCount();
    }

    /** @return the number of current subscribers */
    public int subscriberCount() {
        return subscriptions.snapshot().size();
    }

    private CompletableFuture<ConcentratorResponse> dispatch(ServedTree serving, ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        if (!SUPPORTED.contains(c)) {
            return CompletableFuture.completedFuture(
                    NodeQueries.fail(c, ResultCode.NOT_IMPLEMENTED, c.element() + " is not implemented"));
        }
        if (c == ConcentratorCommand.SUBSCRIBE || c == ConcentratorCommand.UNSUBSCRIBE) {
            return CompletableFuture.completedFuture(subscriptionRequests.handle(r));
        }
        var q = serving.queries().handle(r);
        if (q.isPresent()) {
            return CompletableFuture.completedFuture(q.get());
        }
        var cmd = serving.commands().handle(r);
        if (cmd.isPresent()) {
            return cmd.get();
        }
        return serving.editing()
                .handle(r)
                .orElseGet(() -> CompletableFuture.completedFuture(
                        NodeQueries.fail(c, ResultCode.NOT_IMPLEMENTED, c.element() + " is not implemented")));
    }

    private void send(Jid to, org.jivesoftware.smack.packet.ExtensionElement event) {
        Message m = connection()
                .getStanzaFactory()
                .buildMessageStanza()
                .to(to)
                .addExtension(event)
                .build();
        Sending.sendOrLog(connection(), m, LOG, "event to " + to);
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
            State s = state; // one consistent configuration for the whole request
            int maxResponseChars = s.settings().maxResponseChars();
            return Work.supply(threads.work(), () -> authorised(s, request))
                    .thenCompose(f -> f)
                    .exceptionally(e -> {
                        if (Work.refused(e)) { // answered wait/resource-constraint by the handler
                            throw e instanceof CompletionException c ? c : new CompletionException(e);
                        }
                        return NodeQueries.fail(
                                request.command(), ResultCode.OTHER_ERROR, String.valueOf(e.getMessage()));
                    })
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
