package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.xml.IotParseException;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * The response code carried in the {@code result} attribute of every XEP-0326 response (XEP-0326 §3 "Response codes",
 * XSD type {@code ResponseCode}). Clients are required to check it.
 *
 * <p>This SDK sends {@link #OK} in an {@code iq type='result'}; every other code is sent in an {@code iq type='error'}
 * that carries both the {@code …Response} element and a standard {@code <error/>} whose condition is
 * {@link #condition()} (CHECKLIST §9.4: the XEP's failure examples lack {@code <error/>}, which RFC 6120 requires).
 *
 * @since 0.1.0
 */
public enum ResultCode {
    /** The request was executed. */
    OK("OK", null, null),
    /** A node, data source, command or query was not found ({@code cancel/item-not-found}). */
    NOT_FOUND("NotFound", StanzaError.Condition.item_not_found, StanzaError.Type.CANCEL),
    /** The requester lacks the privileges ({@code cancel/forbidden}). */
    INSUFFICIENT_PRIVILEGES("InsufficientPrivileges", StanzaError.Condition.forbidden, StanzaError.Type.CANCEL),
    /** The node is locked by another user or process ({@code wait/conflict}). */
    LOCKED("Locked", StanzaError.Condition.conflict, StanzaError.Type.WAIT),
    /** The command is not implemented ({@code cancel/feature-not-implemented}, XEP-0326 §3.1 "Unimplemented commands"). */
    NOT_IMPLEMENTED("NotImplemented", StanzaError.Condition.feature_not_implemented, StanzaError.Type.CANCEL),
    /** A submitted form has errors, listed as {@code error var} children ({@code modify/bad-request}). */
    FORM_ERROR("FormError", StanzaError.Condition.bad_request, StanzaError.Type.MODIFY),
    /** Any other failure ({@code wait/internal-server-error}). */
    OTHER_ERROR("OtherError", StanzaError.Condition.internal_server_error, StanzaError.Type.WAIT);

    private final String xml;
    private final StanzaError.Condition condition;
    private final StanzaError.Type errorType;

    ResultCode(String xml, StanzaError.Condition condition, StanzaError.Type errorType) {
        this.xml = xml;
        this.condition = condition;
        this.errorType = errorType;
    }

    /** @return the value of the {@code result} attribute */
    public String xmlValue() {
        return xml;
    }

    /** @return the XMPP error condition sent with this code, null for {@link #OK} */
    public StanzaError.Condition condition() {
        return condition;
    }

    /** @return the XMPP error type sent with this code, null for {@link #OK} */
    public StanzaError.Type errorType() {
        return errorType;
    }

    /** @return whether the code reports success */
    public boolean isOk() {
        return this == OK;
    }

    /**
     * Reads a {@code result} attribute value.
     *
     * @param xml the attribute value
     * @return the code
     * @throws IotParseException if the value is not one of the XSD enumeration
     */
    public static ResultCode fromXml(String xml) throws IotParseException {
        for (ResultCode c : values()) {
            if (c.xml.equals(xml)) {
                return c;
            }
        }
        throw new IotParseException("unknown result code '" + xml + "'");
    }

    /**
     * The code that best describes an XMPP error received without a {@code …Response} element.
     *
     * @param condition the error condition
     * @return the matching code, {@link #OTHER_ERROR} when none matches
     */
    public static ResultCode fromCondition(StanzaError.Condition condition) {
        if (condition == null) {
            return OTHER_ERROR;
        }
        switch (condition) {
            case item_not_found:
                return NOT_FOUND;
            case forbidden:
            case not_authorized:
                return INSUFFICIENT_PRIVILEGES;
            case conflict:
                return LOCKED;
            case feature_not_implemented:
            case service_unavailable:
                return NOT_IMPLEMENTED;
            case bad_request:
            case not_acceptable:
                return FORM_ERROR;
            default:
                return OTHER_ERROR;
        }
    }
}
