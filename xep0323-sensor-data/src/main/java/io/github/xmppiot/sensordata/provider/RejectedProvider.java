package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.element.Rejected;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads the obsolete {@link Rejected} of XEP-0324 example 14 leniently: {@code seqnr} and text are optional.
 *
 * @since 0.1.0
 */
public final class RejectedProvider extends IQProvider<Rejected> {

    @Override
    public Rejected parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        Integer seqnr;
        try {
            seqnr = IotXml.optionalIntAttribute(parser, "seqnr");
        } catch (io.github.xmppiot.core.xml.IotParseException e) {
            seqnr = null;
        }
        String text = null;
        while (!(parser.next() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth)) {
            if (parser.getEventType() == XmlPullParser.Event.START_ELEMENT
                    && "error".equals(parser.getName())
                    && text == null) {
                text = parser.nextText();
            }
        }
        return new Rejected(seqnr, text);
    }
}
