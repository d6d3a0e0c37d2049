package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.concentrator.internal.ClientRuntime;
import io.github.xmppiot.concentrator.request.CommandRequest;
import io.github.xmppiot.concentrator.request.Reply;
import io.github.xmppiot.concentrator.request.Request;
import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
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
 * The client side of XEP-0326 node commands (§3.12 "Node Commands", §3.13 batch commands; CHECKLIST C18–C20,
 * 326-13..326-15): listing commands, their parameter forms, executing commands and queries on one or several nodes,
 * and receiving query progress (§3.15) in document order. Requests go through {@link ConcentratorClient#execute}, so
 * every response code is checked. One instance per connection.
 *
 * <p>Follows the manager convention (docs/CONVENTIONS.md): one immutable {@link NodeCommandClientSettings}, read with
 * {@link #settings()} and swapped with {@link #configure} or {@link #update}; {@code queryProgress} messages are taken
 * off Smack's ordered listener thread at once and handed, in document order, to one serial executor of the settings'
 * {@link io.github.xmppiot.core.concurrent.IotExecutors} (leased while the client is open), which calls the progress
 * listeners and the {@link NodeQuery} listeners. {@link #close()} gives the lease back.
 *
 * @since 0.1.0
 */
public final class NodeCommandClient extends Manager implements AutoCloseable {

    private static final Map<XMPPConnection, NodeCommandClient> INSTANCES = new WeakHashMap<>();

    private final List<BiConsumer<Jid, QueryProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private final List<Pending> pending = new CopyOnWriteArrayList<>();
    private final StanzaListener progressTap = this::onMessage;
    private final Object lock = new Object();
    private volatile NodeCommandClientSettings settings = NodeCommandClientSettings.DEFAULTS;
    private final ClientRuntime runtime = new ClientRuntime(runtimeSettings(settings));

    private NodeCommandClient(XMPPConnection connection) {
        super(connection);
        connection.addSyncStanzaListener(progressTap, StanzaTypeFilter.MESSAGE);
    }

    private static ConcentratorClientSettings runtimeSettings(NodeCommandClientSettings s) {
        return new ConcentratorClientSettings(s.executors(), s.progressBacklog());
    }

    private void onMessage(Stanza s) {
        Message m = (Message) s;
        Jid from = m.getFrom();
        if (from == null) {
            return;
        }
        for (ExtensionElement e : m.getExtensions()) {
            if (e instanceof QueryProgress qp) {
                runtime.deliver(
                        () -> {
                            progressListeners.forEach(l -> l.accept(from, qp));
                            pending.forEach(p -> p.offer(from, qp));
                        },
                        "queryProgress of query " + qp.queryId() + " from " + from);
            }
        }
    }

    /**
     * The client of a connection, with {@link NodeCommandClientSettings#DEFAULTS}; after {@link #close()} a fresh one.
     *
     * @param connection the connection
     * @return its client
     */
    public static synchronized NodeCommandClient getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, NodeCommandClient::new);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     */
    public NodeCommandClientSettings settings() {
        return settings;
    }

    /**
     * Replaces the settings atomically; other executors are leased at once (the old lease is given back) and take
     * effect for the next {@code queryProgress}.
     *
     * @param settings the new settings
     * @return this client
     * @throws IllegalStateException if the client is closed
     */
    public NodeCommandClient configure(NodeCommandClientSettings settings) {
        Objects.requireNonNull(settings, "settings must not be null; start from NodeCommandClientSettings.builder()");
        synchronized (lock) {
            checkOpen();
            runtime.configure(runtimeSettings(settings));
            this.settings = settings;
        }
        return this;
    }

    /**
     * Changes some settings atomically: {@code client.update(s -> s.executors(mine))}.
     *
     * @param change edits a builder holding the settings in force
     * @return this client
     * @throws IllegalStateException if the client is closed
     */
    public NodeCommandClient update(UnaryOperator<NodeCommandClientSettings.Builder> change) {
        Objects.requireNonNull(change, "change");
        synchronized (lock) {
            return configure(change.apply(settings.toBuilder()).build());
        }
    }

    /**
     * Stops the client: no more {@code queryProgress} is delivered, the executors' lease is given back and a later
     * {@link #getInstanceFor} starts a fresh client. Queries in progress get no more events. Idempotent; the connection
     * stays open.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (runtime.isClosed()) {
                return;
            }
            connection().removeSyncStanzaListener(progressTap);
            progressListeners.clear();
            pending.clear();
            synchronized (NodeCommandClient.class) {
                INSTANCES.remove(connection(), this);
            }
            runtime.close();
        }
    }

    private void checkOpen() {
        if (runtime.isClosed()) {
            throw new IllegalStateException(
                    "this NodeCommandClient is closed; call NodeCommandClient.getInstanceFor(connection) for a new one");
        }
    }

    /**
     * Listens to every {@code queryProgress} (XEP-0326 §3.15), in document order, on a serial executor of the
     * settings' executors (never Smack's threads).
     *
     * @param listener receives the sender and each {@code queryProgress}
     */
    public void addQueryProgressListener(BiConsumer<Jid, QueryProgress> listener) {
        progressListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private <R extends Reply> CompletableFuture<R> execute(Jid to, Request<R> request) {
        if (runtime.isClosed()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            "this NodeCommandClient is closed; call NodeCommandClient.getInstanceFor(connection) for a new one"));
        }
        return ConcentratorClient.getInstanceFor(connection()).execute(to, request);
    }

    /**
     * C18 {@code getNodeCommands} (XEP-0326 §3.12).
     *
     * @param to   the concentrator
     * @param node the node
     * @return the commands
     */
    public CompletableFuture<List<NodeCommand>> getNodeCommands(Jid to, NodeRef node) {
        return execute(to, new CommandRequest.GetNodeCommands(node)).thenApply(Reply.Commands::commands);
    }

    /**
     * C18 {@code getCommandParameters} (XEP-0326 §3.12): the parameter form of a parameterized command or a query.
     *
     * @param to      the concentrator
     * @param node    the node
     * @param command the command id
     * @return the form
     */
    public CompletableFuture<DataForm> getCommandParameters(Jid to, NodeRef node, String command) {
        return execute(to, new CommandRequest.GetCommandParameters(node, command))
                .thenApply(Reply.Form::form);
    }

    /**
     * C18 {@code executeNodeCommand} (XEP-0326 §3.12).
     *
     * @param to      the concentrator
     * @param node    the node
     * @param command the command id
     * @param form    the parameters, null for a simple command
     * @return completes when executed; a {@code FormError} fails with the per-field errors
     */
    public CompletableFuture<Void> executeNodeCommand(Jid to, NodeRef node, String command, DataForm form) {
        return execute(to, new CommandRequest.ExecuteNodeCommand(node, command, form))
                .thenApply(r -> null);
    }

    /**
     * C19 {@code executeNodeQuery} (XEP-0326 §3.12): starts a query; its results arrive as events of the returned
     * handle.
     *
     * @param to      the concentrator
     * @param node    the node
     * @param command the query command id
     * @param form    the parameters, null for none
     * @return the running query
     */
    public CompletableFuture<NodeQuery> executeNodeQuery(Jid to, NodeRef node, String command, DataForm form) {
        return start(to, List.of(node), new CommandRequest.ExecuteNodeQuery(node, command, form), false);
    }

    /**
     * C19 {@code abortNodeQuery} (XEP-0326 §3.12).
     *
     * @param to      the concentrator
     * @param node    the node
     * @param queryId the query id
     * @return completes when accepted; {@code NotFound} may mean the query already ended
     */
    public CompletableFuture<Void> abortNodeQuery(Jid to, NodeRef node, String queryId) {
        return execute(to, new CommandRequest.AbortNodeQuery(node, queryId)).thenApply(r -> null);
    }

    /**
     * C20 {@code getCommonNodeCommands} (XEP-0326 §3.13): the commands all nodes offer.
     *
     * @param to    the concentrator
     * @param nodes the nodes
     * @return the common commands
     */
    public CompletableFuture<List<NodeCommand>> getCommonNodeCommands(Jid to, List<NodeRef> nodes) {
        return execute(to, new CommandRequest.GetCommonNodeCommands(nodes)).thenApply(Reply.Commands::commands);
    }

    /**
     * C20 {@code getCommonCommandParameters} (XEP-0326 §3.13).
     *
     * @param to      the concentrator
     * @param command the command id
     * @param nodes   the nodes
     * @return the form
     */
    public CompletableFuture<DataForm> getCommonCommandParameters(Jid to, String command, List<NodeRef> nodes) {
        return execute(to, new CommandRequest.GetCommonCommandParameters(command, nodes))
                .thenApply(Reply.Form::form);
    }

    /**
     * C20 {@code executeCommonNodeCommand} (XEP-0326 §3.13). The response is {@code OK} even when the command failed
     * on some nodes: check each result (CHECKLIST 326-14).
     *
     * @param to      the concentrator
     * @param command the command id
     * @param nodes   the nodes
     * @param form    the parameters, null for a simple command
     * @return one result per node, in request order
     */
    public CompletableFuture<List<NodeResult>> executeCommonNodeCommand(
            Jid to, String command, List<NodeRef> nodes, DataForm form) {
        return execute(to, new CommandRequest.ExecuteCommonNodeCommand(command, nodes, form))
                .thenApply(Reply.NodeResults::results);
    }

    /**
     * C20 {@code executeCommonNodeQuery} (XEP-0326 §3.13): one query id over several nodes; {@link NodeQuery#results()}
     * tells on which nodes it started.
     *
     * @param to      the concentrator
     * @param command the query command id
     * @param nodes   the nodes
     * @param form    the parameters, null for none
     * @return the running query
     */
    public CompletableFuture<NodeQuery> executeCommonNodeQuery(
            Jid to, String command, List<NodeRef> nodes, DataForm form) {
        return start(to, nodes, new CommandRequest.ExecuteCommonNodeQuery(command, nodes, form), true);
    }

    /**
     * C20 {@code abortCommonNodeQuery} (XEP-0326 §3.13); nodes where the query already ended are ignored.
     *
     * @param to      the concentrator
     * @param queryId the query id
     * @param nodes   the nodes
     * @return completes when accepted
     */
    public CompletableFuture<Void> abortCommonNodeQuery(Jid to, String queryId, List<NodeRef> nodes) {
        return execute(to, new CommandRequest.AbortCommonNodeQuery(queryId, nodes))
                .thenApply(r -> null);
    }

    private CompletableFuture<NodeQuery> start(
            Jid to, List<NodeRef> nodes, Request<Reply.QueryStarted> request, boolean common) {
        Pending p = new Pending(to, nodes.stream().map(NodeRef::nodeId).collect(Collectors.toSet()));
        pending.add(p);
        return execute(to, request)
                .thenApply(r -> {
                    String queryId = r.queryId();
                    NodeQuery q = new NodeQuery(
                            queryId,
                            nodes,
                            common ? r.results() : List.of(),
                            () -> common
                                    ? abortCommonNodeQuery(to, queryId, nodes)
                                    : abortNodeQuery(to, nodes.get(0), queryId));
                    q.completion().whenComplete((x, e) -> pending.remove(p));
                    p.bind(q);
                    return q;
                })
                .whenComplete((q, e) -> {
                    if (e != null) {
                        pending.remove(p);
                    }
                });
    }

    /** Collects the progress of a query from the moment it is requested, before its id is known. */
    private static final class Pending {
        private final Jid from;
        private final Set<String> nodeIds;
        private final List<QueryProgress> early = new ArrayList<>();
        private NodeQuery query;

        Pending(Jid from, Set<String> nodeIds) {
            this.from = from;
            this.nodeIds = nodeIds;
        }

        synchronized void offer(Jid sender, QueryProgress p) {
            if (!sender.asBareJid().equals(from.asBareJid())
                    || !nodeIds.contains(p.node().nodeId())) {
                return;
            }
            if (query == null) {
                early.add(p);
            } else if (query.queryId().equals(p.queryId())) {
                query.accept(p);
            }
        }

        synchronized void bind(NodeQuery q) {
            query = q;
            early.stream().filter(p -> p.queryId().equals(q.queryId())).forEach(q::accept);
            early.clear();
        }
    }
}
