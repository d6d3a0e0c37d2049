package io.github.xmppiot.sensordata.element;

import io.github.xmppiot.core.NodeRef;
import java.util.List;

/**
 * A {@code node} child of {@link Fields} (XEP-0323 §3, schema §10): the node the values belong to and its {@code timestamp}
 * groups, in document order.
 *
 * @param node       the node; null only for a {@code node} element without {@code nodeId}, as Smack's
 *                   {@code IoTDataManager} sends for a Thing without node info
 * @param timestamps the timestamp groups
 * @since 0.1.0
 */
public record NodeFields(NodeRef node, List<TimestampFields> timestamps) {

    /**
     * Copies the list.
     */
    public NodeFields {
        timestamps = List.copyOf(timestamps);
    }

    /**
     * Number of field values in all timestamp groups.
     *
     * @return the count
     */
    public int fieldCount() {
        int n = 0;
        for (TimestampFields t : timestamps) {
            n += t.fields().size();
        }
        return n;
    }
}
