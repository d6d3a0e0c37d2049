package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.element.Cancel;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@link Cancel} (XEP-0323 §3, schema §10); a missing or non-xs:int {@code seqnr} gives a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} answered with {@code modify/bad-request}.
 *
 * @since 0.1.0
 */
public final class CancelProvider extends IQProvider<IQ> {

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            Cancel c = new Cancel(IotXml.intAttribute(p, "seqnr"));
            IotXml.skipToEndOf(p, initialDepth);
            return c;
        });
    }
}
