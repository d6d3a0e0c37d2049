package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import java.util.List;

/**
 * Whether a field value matches a read-out request (XEP-0323 §3: the request is a hint to the Thing, and the client
 * MUST filter what it receives; CHECKLIST 323-3, 323-4). Used by the Thing to honour the hints and by the client to
 * filter.
 */
public final class ReadoutFilter {

    private ReadoutFilter() {}

    /**
     * Field-level match: one of the field's categories is requested (a union; a field without any category, as Smack
     * sends, is kept), its name is requested (or all names are), and a purely historical value lies inside
     * {@code from}..{@code to} (inclusive).
     *
     * @param scope     categories, names and range requested
     * @param timestamp the value's timestamp
     * @param field     the field
     * @return true if the field is wanted
     */
    public static boolean matches(ReadScope scope, DateTimeValue timestamp, Field field) {
        if (!field.categories().isEmpty() && !field.inAnyOf(scope.categories())) {
            return false;
        }
        if (!scope.wantsField(field.name())) {
            return false;
        }
        boolean historicalOnly =
                !field.categories().isEmpty() && FieldCategory.HISTORICAL.containsAll(field.categories());
        if (historicalOnly) {
            return (scope.from() == null || timestamp.compareTo(scope.from()) >= 0)
                    && (scope.to() == null || timestamp.compareTo(scope.to()) <= 0);
        }
        return true;
    }

    /**
     * Node-level match: no nodes were requested, or one requested reference matches the node (a reference with only
     * a {@code nodeId} matches that id in every source, CHECKLIST X-2).
     *
     * @param requested the requested nodes
     * @param node      the node the value came from, null if the Thing sent none
     * @return true if the node is wanted
     */
    public static boolean nodeMatches(List<NodeRef> requested, NodeRef node) {
        if (requested.isEmpty()) {
            return true;
        }
        if (node == null) {
            return false;
        }
        for (NodeRef r : requested) {
            if (r.matches(node)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the values of a {@code fields} message that the request asked for (XEP-0323 §3: the client MUST filter).
     *
     * @param nodes the requested nodes (empty: all)
     * @param scope the requested categories, names and range
     * @param f     the message
     * @param kept  receives the values kept
     * @return the number of values dropped
     */
    public static int keep(List<NodeRef> nodes, ReadScope scope, Fields f, List<ReadoutField> kept) {
        int dropped = 0;
        for (NodeFields node : f.nodes()) {
            boolean nodeWanted = nodeMatches(nodes, node.node());
            for (TimestampFields ts : node.timestamps()) {
                for (Field field : ts.fields()) {
                    if (nodeWanted && matches(scope, ts.timestamp(), field)) {
                        kept.add(new ReadoutField(node.node(), ts.timestamp(), field));
                    } else {
                        dropped++;
                    }
                }
            }
        }
        return dropped;
    }
}
