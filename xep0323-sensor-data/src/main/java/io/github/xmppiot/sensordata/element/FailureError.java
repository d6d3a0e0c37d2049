package io.github.xmppiot.sensordata.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code error} child of {@link Failure} (XEP-0323 §3.2 "Read-out failure", example 4): a node could not be read, with the time and a
 * human-readable text. XEP-0323 has no field name here; the SDK reports a single field's failure as
 * {@code "<field name>: <text>"}.
 *
 * @param node      the node; null only when a peer omitted the required {@code nodeId}
 * @param timestamp the {@code timestamp} attribute as received (xs:string in the XSD, CHECKLIST §9.1 item 3)
 * @param text      the error text
 * @since 0.1.0
 */
public record FailureError(NodeRef node, String timestamp, String text) {

    /**
     * Checks the parts.
     */
    public FailureError {
        Objects.requireNonNull(timestamp, "timestamp");
        text = text == null ? "" : text;
    }

    /**
     * An error stamped with a dateTime.
     *
     * @param node      the node
     * @param timestamp when it failed
     * @param text      the reason
     * @return the error
     */
    public static FailureError of(NodeRef node, DateTimeValue timestamp, String text) {
        return new FailureError(node, timestamp.lexical(), text);
    }

    /**
     * The timestamp as an xs:dateTime, if it is one.
     *
     * @return the parsed timestamp, empty if it is not an xs:dateTime
     */
    public Optional<DateTimeValue> timestampValue() {
        try {
            return Optional.of(DateTimeValue.parse(timestamp));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
