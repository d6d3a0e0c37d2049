package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.ReadScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link HistoryStore} keeping the newest values of each node in a ring of fixed capacity (XEP-0323 §5.6
 * historical categories). Thread-safe. Values are kept in the order recorded; queries filter by category, name and
 * {@code from}/{@code to}.
 *
 * @since 0.1.0
 */
public final class InMemoryHistoryStore implements HistoryStore {

    /** Capacity per node used by {@link #InMemoryHistoryStore()}. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Map<NodeRef, Deque<TimedField>> rings = new HashMap<>();

    /** A store keeping {@link #DEFAULT_CAPACITY} values per node. */
    public InMemoryHistoryStore() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A store keeping {@code capacity} values per node; the oldest are dropped first.
     *
     * @param capacity values per node, at least 1
     */
    public InMemoryHistoryStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public void record(NodeRef node, TimedField field) {
        synchronized (rings) {
            Deque<TimedField> ring = rings.computeIfAbsent(node, n -> new ArrayDeque<>());
            if (ring.size() == capacity) {
                ring.removeFirst();
            }
            ring.addLast(field);
        }
    }

    @Override
    public CompletionStage<List<TimedField>> query(NodeRef node, ReadScope scope) {
        Set<FieldCategory> historical = EnumSet.copyOf(FieldCategory.HISTORICAL);
        historical.retainAll(scope.categories());
        List<TimedField> out = new ArrayList<>();
        if (historical.isEmpty()) {
            return CompletableFuture.completedFuture(out);
        }
        synchronized (rings) {
            for (TimedField tf : rings.getOrDefault(node, new ArrayDeque<>())) {
                if (tf.field().inAnyOf(historical)
                        && scope.wantsField(tf.field().name())
                        && (scope.from() == null || tf.timestamp().compareTo(scope.from()) >= 0)
                        && (scope.to() == null || tf.timestamp().compareTo(scope.to()) <= 0)) {
                    out.add(tf);
                }
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    /**
     * Number of values held for a node.
     *
     * @param node the node
     * @return the count
     */
    public int size(NodeRef node) {
        synchronized (rings) {
            Deque<TimedField> ring = rings.get(node);
            return ring == null ? 0 : ring.size();
        }
    }
}
