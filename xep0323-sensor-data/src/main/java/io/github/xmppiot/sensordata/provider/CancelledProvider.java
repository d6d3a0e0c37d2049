package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.element.Cancelled;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@link Cancelled} (XEP-0323 §3, schema §10).
 *
 * @since 0.1.0
 */
public final class CancelledProvider extends IQProvider<Cancelled> {

    @Override
    public Cancelled parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        Cancelled c = new Cancelled(IotXml.intAttribute(parser, "seqnr"));
        IotXml.skipToEndOf(parser, initialDepth);
        return c;
    }
}
