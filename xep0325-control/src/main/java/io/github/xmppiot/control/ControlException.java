package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.core.iq.IotErrorException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * A control request refused by the Thing (XEP-0325 §5.1 "IQ Error Stanzas"), with the XMPP condition and type
 * ({@code cancel/forbidden}, {@code cancel/item-not-found}, {@code modify/bad-request},
 * {@code cancel/feature-not-implemented}, {@code wait/conflict}, ...) and every {@code paramError} the Thing sent, by
 * parameter name. Refusals in the style of the drafts before 0.3 ({@code setResponse responseCode='NotFound'} and the
 * like, in an IQ error or result) are reported with the condition of their {@link LegacyResponseCode}.
 *
 * @since 0.1.0
 */
public final class ControlException extends IotErrorException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> parameterErrors;
    private final String legacyResponseCode;

    /**
     * Creates the exception.
     *
     * @param condition   the XMPP error condition
     * @param type        the XMPP error type
     * @param text        the error text, may be null
     * @param paramErrors the {@code paramError} children, in document order
     */
    public ControlException(
            StanzaError.Condition condition, StanzaError.Type type, String text, List<ParamError> paramErrors) {
        this(condition, type, text, paramErrors, null);
    }

    /**
     * Creates the exception for a refusal in the style of the drafts before XEP-0325 0.3: an IQ of type
     * {@code error} without {@code <error/>}, or a {@code setResponse} whose {@code responseCode} is not {@code OK}.
     *
     * @param condition          the XMPP error condition the code maps to ({@link LegacyResponseCode})
     * @param type               the XMPP error type the code maps to
     * @param text               the error text, may be null
     * @param paramErrors        the parameter errors, in document order
     * @param legacyResponseCode the {@code responseCode} as received, may be null
     */
    public ControlException(
            StanzaError.Condition condition,
            StanzaError.Type type,
            String text,
            List<ParamError> paramErrors,
            String legacyResponseCode) {
        super(condition, type, text, paramErrors);
        this.legacyResponseCode = legacyResponseCode;
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

    /**
     * The {@code responseCode} of a pre-0.3 {@code setResponse} this refusal was read from (for example
     * {@code NotFound}); see {@link LegacyResponseCode} for the mapping to {@link #condition()}.
     *
     * @return the code as received; empty for a XEP-0325 0.3 error
     */
    public Optional<String> legacyResponseCode() {
        return Optional.ofNullable(legacyResponseCode);
    }
}
