package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Objects;

/**
 * A message logged on a node, as reported in NodeInformation when {@code messages='true'} and in
 * {@code nodeStatusChanged} events (XEP-0326 §3.8, "Node messages", XSD type {@code Message}).
 *
 * <p>{@code type} is {@code Error}, {@code Warning} or {@code Information} per the XSD; other values (examples 47 and
 * 48 use {@code WarningUnsigned}) are accepted and kept as sent (CHECKLIST §9.4.3).
 *
 * @param timestamp when the event happened
 * @param type      the message type
 * @param eventId   an optional machine-readable event id, may be null
 * @param text      the message text
 * @since 0.1.0
 */
public record NodeMessage(DateTimeValue timestamp, String type, String eventId, String text) {

    /** Message type {@code Error}. */
    public static final String ERROR = "Error";
    /** Message type {@code Warning}. */
    public static final String WARNING = "Warning";
    /** Message type {@code Information}. */
    public static final String INFORMATION = "Information";

    /**
     * Validates the message.
     *
     * @throws NullPointerException if timestamp, type or text is missing
     */
    public NodeMessage {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
