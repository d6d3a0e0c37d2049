package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.core.Tokens;

/**
 * A typed XEP-0326 request (XEP-0326 §3.2–§3.14, CHECKLIST §6.1 rows C1–C21): an immutable record per request, typed
 * by the {@link Reply} it is answered with. {@link #toElement()} gives the wire form (the spec's form, a new element on
 * every call), {@link #of(ConcentratorRequest)} reads a parsed request back into its record, as leniently as the
 * provider parsed it: {@code of(r.toElement())} equals {@code r}.
 *
 * <p>Switch over the families ({@link DataSourceRequest}, {@link NodeRequest}, {@link TreeRequest}, {@link EditRequest},
 * {@link CommandRequest}, {@link DatabaseRequest}) or directly over their records.
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface Request<R extends Reply>
        permits DataSourceRequest, NodeRequest, TreeRequest, EditRequest, CommandRequest, DatabaseRequest {

    /** @return the XEP-0326 request element this record is sent as */
    ConcentratorCommand wireCommand();

    /**
     * Reads the reply from an {@code OK} response.
     *
     * @param response the response to this request
     * @return the typed reply
     * @throws IllegalStateException if the response lacks a part the XEP requires
     */
    R reply(ConcentratorResponse response);

    /**
     * Writes this request's attributes and children.
     *
     * @param b the builder of this request's element
     */
    void writeTo(ConcentratorRequest.Builder b);

    /**
     * The wire form, without tokens and {@code xml:lang}.
     *
     * @return a new request element (its addressing is the caller's to set)
     */
    default ConcentratorRequest toElement() {
        return toElement(Tokens.NONE);
    }

    /**
     * The wire form with tokens (XEP-0326 {@code TokenRequest}; tokens from XEP-0324 provisioning, CHECKLIST X-3).
     *
     * @param tokens the tokens, {@link Tokens#NONE} for none
     * @return a new request element (its addressing is the caller's to set)
     */
    default ConcentratorRequest toElement(Tokens tokens) {
        ConcentratorRequest.Builder b =
                ConcentratorRequest.builder(wireCommand()).tokens(tokens);
        writeTo(b);
        return b.build();
    }

    /**
     * Reads a parsed request element into its typed record. Lenient like the provider: absent flags take the XSD
     * defaults, unknown attributes are ignored, and batch requests take their nodes from the request's own node
     * attributes when it has them, else from its {@code node} children.
     *
     * @param element the parsed request
     * @return the typed request
     */
    static Request<?> of(ConcentratorRequest element) {
        return Requests.read(element);
    }
}
