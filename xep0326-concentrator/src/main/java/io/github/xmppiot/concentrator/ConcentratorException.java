package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.ResultCode;
import java.util.List;
import java.util.Optional;

/**
 * A XEP-0326 response whose {@code result} is not {@code OK} (XEP-0326 §3 "Response codes"; clients must check the
 * code of every response, CHECKLIST 326-3), or an XMPP error without a response element, mapped to the closest code.
 *
 * @since 0.1.0
 */
public final class ConcentratorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ResultCode result;
    private final transient ConcentratorResponse response;

    /**
     * Creates the exception.
     *
     * @param result   the response code
     * @param response the response, null if the concentrator sent only an XMPP error
     * @param message  what happened
     */
    public ConcentratorException(ResultCode result, ConcentratorResponse response, String message) {
        super(result.xmlValue() + (message == null ? "" : ": " + message));
        this.result = result;
        this.response = response;
    }

    /** @return the response code */
    public ResultCode result() {
        return result;
    }

    /** @return the response, empty when the concentrator sent only an XMPP error */
    public Optional<ConcentratorResponse> response() {
        return Optional.ofNullable(response);
    }

    /** @return the per-field errors of a {@code FormError} (empty otherwise) */
    public List<ParameterError> errors() {
        return response == null ? List.of() : response.errors();
    }
}
