package io.github.xmppiot.control.internal;

import io.github.xmppiot.control.ControlException;
import io.github.xmppiot.control.LegacyResponseCode;
import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.core.internal.Failures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Turns an IQ error into a {@link ControlException} with every {@code paramError} (XEP-0325 §5.1). Smack 4.4's
 * {@link StanzaError} only hands out the first extension of a kind, so the error's XML is read again.
 */
public final class ErrorReader {

    private ErrorReader() {}

    /**
     * Converts a failure of an IQ request: an XMPP error becomes a {@link ControlException}; anything else (no
     * response, not connected) is returned unchanged.
     *
     * @param failure the failure
     * @return the exception to complete the caller's future with
     */
    public static Throwable convert(Throwable failure) {
        Throwable t = Failures.unwrap(failure);
        if (t instanceof XMPPException.XMPPErrorException e && e.getStanzaError() != null) {
            return toControlException(e.getStanzaError());
        }
        return t;
    }

    /**
     * The refusal an answer without {@code <error/>} carries, if any: an IQ of type {@code error} is a failure
     * whatever it contains (RFC 6120 §8.2.3), and so is a {@code setResponse} whose pre-0.3 {@code responseCode} is
     * not {@code OK} (XEP-0325 v0.2), even in an IQ result. A {@code responseCode} is mapped by
     * {@link LegacyResponseCode}; an unknown one, or an error IQ without any code, is {@code undefined-condition}.
     *
     * @param answer the answer Smack delivered as a success
     * @return the exception to fail with; null if the answer is a success
     */
    public static ControlException refusal(IQ answer) {
        String code = answer instanceof SetResponse r ? r.responseCode() : null;
        boolean refusedByCode = code != null && !LegacyResponseCode.OK.code().equals(code);
        if (answer.getType() != IQ.Type.error && !refusedByCode) {
            return null;
        }
        if (answer.getError() != null) {
            return toControlException(answer.getError());
        }
        List<ParamError> errors = answer instanceof SetResponse r ? r.legacyErrors() : List.of();
        LegacyResponseCode mapped = LegacyResponseCode.of(code)
                .filter(c -> c != LegacyResponseCode.OK)
                .orElse(LegacyResponseCode.OTHER_ERROR);
        StringBuilder text = new StringBuilder("the Thing refused the request (IQ type '")
                .append(answer.getType())
                .append("' without <error/>");
        if (code != null) {
            text.append(", pre-0.3 responseCode '").append(code).append('\'');
        }
        text.append(')');
        if (answer instanceof SetResponse r
                && (!r.nodes().isEmpty() || !r.parameterNames().isEmpty())) {
            text.append(" naming nodes ")
                    .append(r.nodes())
                    .append(" and parameters ")
                    .append(r.parameterNames());
        }
        for (ParamError e : errors) {
            if (!e.text().isEmpty()) {
                text.append(": ").append(e.text());
            }
        }
        return new ControlException(
                mapped.condition(),
                mapped.type(),
                text.toString(),
                errors.stream().filter(e -> !e.var().isEmpty()).toList(),
                code);
    }

    /**
     * Reads a stanza error.
     *
     * @param error the error
     * @return the exception, with the condition, type, text and parameter errors
     */
    public static ControlException toControlException(StanzaError error) {
        return new ControlException(
                error.getCondition(), error.getType(), error.getDescriptiveText(), paramErrors(error));
    }

    /**
     * Every {@code paramError} inside an error.
     *
     * @param error the error
     * @return the parameter errors, in document order
     */
    public static List<ParamError> paramErrors(StanzaError error) {
        List<ParamError> out = new ArrayList<>();
        try {
            XmlPullParser parser = PacketParserUtils.getParserFor(error.toXML().toString());
            int depth = parser.getDepth();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.END_DOCUMENT
                        || (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
                    break;
                }
                if (event == XmlPullParser.Event.START_ELEMENT
                        && ParamError.ELEMENT.equals(parser.getName())
                        && ParamError.NAMESPACE.equals(parser.getNamespace())) {
                    String var = parser.getAttributeValue("", "var");
                    String text = parser.nextText();
                    if (var != null) {
                        out.add(new ParamError(var, text.strip()));
                    }
                }
            }
        } catch (XmlPullParserException | IOException e) {
            return out;
        }
        return out;
    }
}
