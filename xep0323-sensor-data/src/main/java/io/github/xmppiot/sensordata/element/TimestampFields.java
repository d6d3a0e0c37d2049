package io.github.xmppiot.sensordata.element;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.List;
import java.util.Objects;

/**
 * A {@code timestamp} child of a {@code fields/node} element (XEP-0323 §3, schema §10): the time the values were read and the
 * field values, in document order.
 *
 * @param timestamp the {@code value} attribute
 * @param fields    the field values
 * @since 0.1.0
 */
public record TimestampFields(DateTimeValue timestamp, List<Field> fields) {

    /**
     * Copies the list.
     */
    public TimestampFields {
        Objects.requireNonNull(timestamp, "timestamp");
        fields = List.copyOf(fields);
    }
}
