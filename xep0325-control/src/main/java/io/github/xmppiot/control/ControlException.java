package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.core.iq.IotErrorException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * A control request refused by the Thing (XEP-0325 §5.1 "IQ Error Stanzas"), with the XMPP condition and type
 * ({@code cancel/forbidden}, {@code cancel/item-not-found}, {@code modify/bad-request},
 * {@code cancel/feature-not-implemented}, {@code wait/conflict}, ...) and every {@code paramError} the Thing sent, by
 * parameter name.
 *
 * @since 0.1.0
 */
public final class ControlException extends IotErrorException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> parameterErrors;

    /**
     * Creates the exception.
     *
     * @param condition   the XMPP error condition
     * @param type        the XMPP error type
     * @param text        the error text, may be null
     * @param paramErrors the {@code paramError} children, in document order
     */
    public ControlException(StanzaError.Condition condition, StanzaError.Type type, String text, List<ParamError> paramErrors) {
        super(condition, type, text, paramErrors);
        Map<String, String> m = new LinkedHashMap<>();
        for (ParamError e : paramErrors) {
            m.merge(e.var(), e.text(), (a, b) -> a + "; " + b);
        }
        this.parameterErrors = Collections.unmodifiableMap(m);
    }

    /**
     * The parameter-specific messages.
     *
     * @return parameter name to message, in the order the Thing sent them; empty if none
     */
    public Map<String, String> parameterErrors() {
        return parameterErrors;
    }
}
