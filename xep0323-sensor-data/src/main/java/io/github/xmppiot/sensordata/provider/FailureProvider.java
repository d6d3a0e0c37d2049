package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@link Failure} (XEP-0323 §3, schema §10). The error {@code timestamp} is kept as text (xs:string in the XSD); an error
 * without {@code nodeId} or {@code timestamp} is kept with a null node or an empty timestamp rather than dropped.
 *
 * @since 0.1.0
 */
public final class FailureProvider extends ExtensionElementProvider<Failure> {

    @Override
    public Failure parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        int seqnr = IotXml.intAttribute(parser, "seqnr");
        boolean done = IotXml.booleanAttribute(parser, "done", false);
        List<FailureError> errors = new ArrayList<>();
        while (!(parser.next() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth)) {
            if (parser.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if (!"error".equals(parser.getName())) {
                IotXml.skipElement(parser);
                continue;
            }
            NodeRef node;
            try {
                node = IotXml.optionalNodeRef(parser);
            } catch (IotParseException e) {
                node = null;
            }
            String ts = IotXml.attribute(parser, "timestamp");
            String text = parser.nextText();
            errors.add(new FailureError(node, ts == null ? "" : ts, text == null ? "" : text.strip()));
        }
        return new Failure(seqnr, done, errors);
    }
}
