package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@code setResponse} (XEP-0325 §3.1) with the nodes and parameters actually used. The {@code responseCode}
 * attribute and the {@code <error var='…'>text</error>} children of pre-0.3 senders (XEP-0324 examples 17–19,
 * Slixmpp 1.8) are kept, so that {@code ControlClient} can report a code other than {@code OK} as a refusal.
 *
 * @since 0.1.0
 */
public final class SetResponseProvider extends IQProvider<SetResponse> {

    /** Shared instance. */
    public static final SetResponseProvider INSTANCE = new SetResponseProvider();

    @Override
    public SetResponse parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        List<NodeRef> nodes = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        List<ParamError> errors = new ArrayList<>();
        String responseCode = parser.getAttributeValue("", "responseCode");
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                break;
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if ("node".equals(parser.getName())) {
                nodes.add(IotXml.nodeRef(parser));
            } else if ("parameter".equals(parser.getName())) {
                parameters.add(IotXml.requiredAttribute(parser, "name"));
            } else if ("error".equals(parser.getName())) {
                String var = parser.getAttributeValue("", "var");
                String text = parser.nextText().strip();
                errors.add(new ParamError(var == null || var.isEmpty() ? "" : var, text));
                continue; // nextText() leaves the parser on the end tag
            }
            IotXml.skipElement(parser);
        }
        return new SetResponse(nodes, parameters, responseCode, errors);
    }
}
