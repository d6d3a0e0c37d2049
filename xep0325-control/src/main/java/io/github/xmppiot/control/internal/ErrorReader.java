package io.github.xmppiot.control.internal;

import io.github.xmppiot.control.ControlException;
import io.github.xmppiot.control.element.ParamError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Turns an IQ error into a {@link ControlException} with every {@code paramError} (XEP-0325 §5.1). Smack 4.4's
 * {@link StanzaError} only hands out the first extension of a kind, so the error's XML is read again.
 */
public final class ErrorReader {

    private ErrorReader() {
    }

    /**
     * Converts a failure of an IQ request: an XMPP error becomes a {@link ControlException}; anything else (no
     * response, not connected) is returned unchanged.
     *
     * @param failure the failure
     * @return the exception to complete the caller's future with
     */
    public static Throwable convert(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof XMPPException.XMPPErrorException e && e.getStanzaError() != null) {
            return toControlException(e.getStanzaError());
        }
        return t;
    }

    /**
     * Reads a stanza error.
     *
     * @param error the error
     * @return the exception, with the condition, type, text and parameter errors
     */
    public static ControlException toControlException(StanzaError error) {
        return new ControlException(error.getCondition(), error.getType(), error.getDescriptiveText(), paramErrors(error));
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
                if (event == XmlPullParser.Event.START_ELEMENT && ParamError.ELEMENT.equals(parser.getName())
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
