package io.github.xmppiot.core.field;

import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Objects;

/**
 * A field with the time it was read (XEP-0323 §3.1: fields are grouped by node and {@code timestamp}).
 *
 * @param timestamp when the value was read or computed
 * @param field     the field
 * @since 0.1.0
 */
public record TimedField(DateTimeValue timestamp, Field field) {

    /**
     * Checks both parts.
     *
     * @throws NullPointerException if either is null
     */
    public TimedField {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(field, "field");
    }
}
