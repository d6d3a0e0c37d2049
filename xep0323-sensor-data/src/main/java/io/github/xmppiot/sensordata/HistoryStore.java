package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.ReadScope;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Historical values of the nodes of a Thing, answering historical read-outs (XEP-0323 §5.6 "Field Types": {@code historical*}
 * categories with a {@code from}/{@code to} range). The application records values; {@link SensorDataServer} queries
 * them whenever a request asks for a historical category. {@link InMemoryHistoryStore} is the default.
 *
 * @since 0.1.0
 */
public interface HistoryStore {

    /**
     * Stores a historical value. Fields should carry at least one historical category.
     *
     * @param node  the node the value belongs to
     * @param field the value and its timestamp
     */
    void record(NodeRef node, TimedField field);

    /**
     * Historical values of one node that match the scope: a historical category requested, a requested name, and a
     * timestamp inside {@code from}..{@code to} (inclusive; an open end is unbounded).
     *
     * @param node  the node
     * @param scope what is requested
     * @return the values, oldest first; must not block the caller
     */
    CompletionStage<List<TimedField>> query(NodeRef node, ReadScope scope);
}
