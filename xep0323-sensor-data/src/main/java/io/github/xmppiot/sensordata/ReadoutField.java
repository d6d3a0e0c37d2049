package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Objects;

/**
 * One field value received in a read-out, with the node and timestamp it was grouped under (XEP-0323 §3.1
 * {@code fields/node/timestamp}).
 *
 * @param node      the node; null only if the Thing sent a {@code node} element without {@code nodeId} (Smack)
 * @param timestamp when the value was read
 * @param field     the field
 * @since 0.1.0
 */
public record ReadoutField(NodeRef node, DateTimeValue timestamp, Field field) {

    /**
     * Checks the parts.
     */
    public ReadoutField {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(field, "field");
    }

    /** @return the field name */
    public String name() {
        return field.name();
    }
}
