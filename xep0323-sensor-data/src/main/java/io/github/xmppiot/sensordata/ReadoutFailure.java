package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Optional;

/**
 * A read error reported by the Thing in a {@code failure} message (XEP-0323 §3, schema §10, §3.3 "Read-out failure"), or a
 * field value the client received but could not read (then {@link #local()} is true).
 *
 * @param node      the node, or null if unknown
 * @param timestamp the timestamp as sent (xs:string in the XSD), empty if none
 * @param message   the human-readable reason
 * @param local     true if the client found the problem (an unreadable value), false if the Thing reported it
 * @since 0.1.0
 */
public record ReadoutFailure(NodeRef node, String timestamp, String message, boolean local) {

    /**
     * The timestamp as an xs:dateTime, if it is one.
     *
     * @return the parsed timestamp
     */
    public Optional<DateTimeValue> timestampValue() {
        try {
            return Optional.of(DateTimeValue.parse(timestamp));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
