package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A node query started with {@link NodeCommandClient#executeNodeQuery} or {@link NodeCommandClient#executeCommonNodeQuery}
 * (XEP-0326 §3.12, §3.13): its id, the per-node outcome of the start, and the events of each node in document order
 * (CHECKLIST 326-15). Events that arrive before the query id is known are kept and delivered in order.
 *
 * @since 0.1.0
 */
public final class NodeQuery {

    private final String queryId;
    private final List<NodeRef> nodes;
    private final List<NodeResult> results;
    private final Supplier<CompletableFuture<Void>> abort;
    private final Map<String, List<QueryEvent>> events = new LinkedHashMap<>();
    private final Set<String> open = new LinkedHashSet<>();
    private final List<BiConsumer<NodeRef, QueryEvent>> listeners = new ArrayList<>();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();

    NodeQuery(String queryId, List<NodeRef> nodes, List<NodeResult> results, Supplier<CompletableFuture<Void>> abort) {
        this.queryId = queryId;
        this.nodes = List.copyOf(nodes);
        this.results = List.copyOf(results);
        this.abort = abort;
        for (int i = 0; i < this.nodes.size(); i++) {
            String id = this.nodes.get(i).nodeId();
            events.put(id, new ArrayList<>());
            if (i >= this.results.size() || this.results.get(i).success()) {
                open.add(id);
            }
        }
        if (open.isEmpty()) {
            completion.complete(null);
        }
    }

    /** @return the query id of {@code executeNodeQueryResponse} */
    public String queryId() {
        return queryId;
    }

    /** @return the nodes the query was started on, in request order */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /**
     * The per-node outcome of {@code executeCommonNodeQuery} (XEP-0326 §3.13, CHECKLIST 326-14), in the order of
     * {@link #nodes()}; empty for a single-node query.
     *
     * @return the results
     */
    public List<NodeResult> results() {
        return results;
    }

    /**
     * The events received so far from one node, in document order.
     *
     * @param nodeId the node
     * @return a copy of the events
     */
    public synchronized List<QueryEvent> events(String nodeId) {
        return List.copyOf(events.getOrDefault(nodeId, List.of()));
    }

    /**
     * Adds a listener; it first gets the events already received, then each new one, in document order. Listeners
     * run on the {@link NodeCommandClient}'s serial executor (one after the other, never on Smack's threads).
     *
     * @param listener receives the node and each event
     */
    public synchronized void addListener(BiConsumer<NodeRef, QueryEvent> listener) {
        for (NodeRef n : nodes) {
            events.get(n.nodeId()).forEach(e -> listener.accept(n, e));
        }
        listeners.add(listener);
    }

    /**
     * Completes when every node the query started on sent {@code queryDone} or {@code queryAborted}.
     *
     * @return the completion
     */
    public CompletableFuture<Void> completion() {
        return completion;
    }

    /** @return whether some node reported {@code queryAborted} */
    public synchronized boolean isAborted() {
        return events.values().stream().flatMap(List::stream).anyMatch(e -> e instanceof QueryEvent.Aborted);
    }

    /**
     * Aborts the query on all its nodes ({@code abortNodeQuery} or {@code abortCommonNodeQuery}, XEP-0326 §3.12,
     * §3.13). A {@code NotFound} failure may just mean the query had already ended (CHECKLIST 326-15).
     *
     * @return completes when the concentrator accepted the abort; {@code queryAborted} events follow
     */
    public CompletableFuture<Void> abort() {
        return abort.get();
    }

    synchronized void accept(QueryProgress p) {
        List<QueryEvent> list = events.get(p.node().nodeId());
        if (list == null || !open.contains(p.node().nodeId())) {
            return;
        }
        NodeRef node = nodes.stream()
                .filter(n -> n.nodeId().equals(p.node().nodeId()))
                .findFirst()
                .orElse(p.node());
        for (QueryEvent e : p.events()) {
            list.add(e);
            listeners.forEach(l -> l.accept(node, e));
            if (e instanceof QueryEvent.Done || e instanceof QueryEvent.Aborted) {
                open.remove(node.nodeId());
                break;
            }
        }
        if (open.isEmpty()) {
            completion.complete(null);
        }
    }
}
