package io.github.xmppiot.core.iq;

import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * An XMPP error with one of the conditions the IoT XEPs name, thrown by handlers to refuse a request and by clients to
 * report a refusal. {@link #toStanzaError()} gives the wire form.
 *
 * @since 0.1.0
 */
public class IotErrorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final StanzaError.Condition condition;
    private final StanzaError.Type type;
    private final transient List<ExtensionElement> extensions;

    /**
     * Creates an error.
     *
     * @param condition  the defined condition
     * @param type       the error type
     * @param text       human-readable text, may be null
     * @param extensions application-specific children of {@code <error/>} (for example XEP-0325 {@code paramError})
     */
    public IotErrorException(
            StanzaError.Condition condition,
            StanzaError.Type type,
            String text,
            List<? extends ExtensionElement> extensions) {
        super(text != null ? text : condition.toString());
        this.condition = Objects.requireNonNull(condition, "condition");
        this.type = Objects.requireNonNull(type, "type");
        this.extensions = List.copyOf(extensions);
    }

    /**
     * Reads an error received in an IQ response. Smack 4.4 does not expose all children of an error; callers that
     * need them (for example XEP-0325 {@code paramError}) re-read {@code error.toXML()} and use
     * {@link #from(StanzaError, List)}.
     *
     * @param error the stanza error
     * @return the exception
     */
    public static IotErrorException from(StanzaError error) {
        return from(error, List.of());
    }

    /**
     * Reads an error received in an IQ response, with the application-specific children the caller extracted.
     *
     * @param error      the stanza error
     * @param extensions its application-specific children
     * @return the exception
     */
    public static IotErrorException from(StanzaError error, List<? extends ExtensionElement> extensions) {
        return new IotErrorException(error.getCondition(), error.getType(), error.getDescriptiveText(), extensions);
    }

    /** @return the defined condition */
    public StanzaError.Condition condition() {
        return condition;
    }

    /** @return the error type */
    public StanzaError.Type type() {
        return type;
    }

    /** @return the application-specific children of the error */
    public List<ExtensionElement> extensions() {
        return extensions;
    }

    /**
     * The error as a Smack stanza error builder.
     *
     * @return the builder
     */
    public StanzaError.Builder toStanzaError() {
        StanzaError.Builder b = StanzaError.getBuilder(condition).setType(type);
        if (getMessage() != null && !getMessage().equals(condition.toString())) {
            b.setDescriptiveEnText(getMessage());
        }
        if (!extensions.isEmpty()) {
            b.setExtensions(new java.util.ArrayList<>(extensions));
        }
        return b;
    }
}
