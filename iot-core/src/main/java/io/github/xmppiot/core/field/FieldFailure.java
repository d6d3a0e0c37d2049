package io.github.xmppiot.core.field;

import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.Values;
import java.util.Objects;

/**
 * A read error (XEP-0323 §3.3 {@code failure/error}): reading a node, or one of its fields, failed. The error is
 * reported instead of a value, never as a wrong value.
 *
 * @param fieldName the field that failed, or null if the whole node (or sensor) failed
 * @param timestamp when the failure happened
 * @param message   human-readable reason, one line
 * @since 0.1.0
 */
public record FieldFailure(String fieldName, DateTimeValue timestamp, String message) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if the message holds characters XML cannot carry
     */
    public FieldFailure {
        Objects.requireNonNull(timestamp, "timestamp");
        message = Values.xmlText(message == null ? "error" : message, "failure message");
    }
}
