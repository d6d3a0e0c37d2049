package io.github.xmppiot.discovery;

import io.github.xmppiot.core.iq.IotErrorException;
import java.util.List;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * The registry answered a {@code disown} with {@code cancel/not-allowed}: the Thing is not online as its friend, or
 * did not acknowledge {@code disowned} (XEP-0347 §3.17). Try again when the Thing is online.
 *
 * @since 0.1.0
 */
public class ThingUnreachableException extends IotErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param text the error text, may be null
     */
    public ThingUnreachableException(String text) {
        super(StanzaError.Condition.not_allowed, StanzaError.Type.CANCEL, text, List.of());
    }
}
