package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.value.DateTimeValue;
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
}
