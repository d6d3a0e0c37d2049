package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.element.Accepted;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@link Accepted} (XEP-0323 §3, schema §10); {@code queued} accepts {@code true|false|1|0}.
 *
 * @since 0.1.0
 */
public final class AcceptedProvider extends IQProvider<Accepted> {

    @Override
    public Accepted parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        Accepted a =
                new Accepted(IotXml.intAttribute(parser, "seqnr"), IotXml.booleanAttribute(parser, "queued", false));
        IotXml.skipToEndOf(parser, initialDepth);
        return a;
    }
}
