package io.github.xmppiot.control;

import java.util.Optional;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * The {@code responseCode} attribute of {@code setResponse} in the XEP-0325 drafts before 0.3 (v0.1/v0.2; still sent by
 * Slixmpp 1.8), and the XMPP error each code is reported as. XEP-0325 v0.3 dropped the attribute: success is an IQ
 * {@code result}, a refusal an IQ {@code error} (§5.1). {@link ControlClient} treats every code other than
 * {@link #OK} as a refusal and completes the future with a {@link ControlException} carrying the mapped condition
 * and the original code ({@link ControlException#legacyResponseCode()}).
 */
public enum LegacyResponseCode {

    /** The request was executed. */
    OK("OK", null, null),
    /** A node or parameter does not exist: {@code cancel/item-not-found}. */
    NOT_FOUND("NotFound", StanzaError.Condition.item_not_found, StanzaError.Type.CANCEL),
    /** The requester may not control: {@code auth/forbidden}. */
    INSUFFICIENT_PRIVILEGES("InsufficientPrivileges", StanzaError.Condition.forbidden, StanzaError.Type.AUTH),
    /** A parameter is locked for now: {@code wait/conflict}. */
    LOCKED("Locked", StanzaError.Condition.conflict, StanzaError.Type.WAIT),
    /** The Thing does not implement what was asked: {@code cancel/feature-not-implemented}. */
    NOT_IMPLEMENTED("NotImplemented", StanzaError.Condition.feature_not_implemented, StanzaError.Type.CANCEL),
    /** A submitted form was invalid: {@code modify/bad-request}. */
    FORM_ERROR("FormError", StanzaError.Condition.bad_request, StanzaError.Type.MODIFY),
    /** Any other failure, for example a device time-out: {@code cancel/undefined-condition}. */
    OTHER_ERROR("OtherError", StanzaError.Condition.undefined_condition, StanzaError.Type.CANCEL);

    private final String code;
    private final StanzaError.Condition condition;
    private final StanzaError.Type type;

    LegacyResponseCode(String code, StanzaError.Condition condition, StanzaError.Type type) {
        this.code = code;
        this.condition = condition;
        this.type = type;
    }

    /** @return the attribute value as sent on the wire */
    public String code() {
        return code;
    }

    /** @return the XMPP condition this code is reported as; null for {@link #OK} */
    public StanzaError.Condition condition() {
        return condition;
    }

    /** @return the XMPP error type this code is reported as; null for {@link #OK} */
    public StanzaError.Type type() {
        return type;
    }

    /**
     * Looks a code up; an unknown code is empty (and treated like {@link #OTHER_ERROR} by the client).
     *
     * @param code the attribute value, may be null
     * @return the code
     */
    public static Optional<LegacyResponseCode> of(String code) {
        for (LegacyResponseCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
