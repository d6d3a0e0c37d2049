package io.github.xmppiot.discovery;

import io.github.xmppiot.core.iq.IotErrorException;
import java.util.List;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * The registry answered {@code cancel/item-not-found}: no matching Thing, or it belongs to someone else; the registry
 * does not say which (XEP-0347 §3.9, §3.10, §3.14, §3.17).
 *
 * @since 0.1.0
 */
public class ThingNotFoundException extends IotErrorException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param text the error text, may be null
     */
    public ThingNotFoundException(String text) {
        super(StanzaError.Condition.item_not_found, StanzaError.Type.CANCEL, text, List.of());
    }
}
