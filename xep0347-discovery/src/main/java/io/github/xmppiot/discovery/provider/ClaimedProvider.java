package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <claimed xmlns='urn:xmpp:iot:discovery'/>} into a {@link Claimed} (XEP-0347 §3.9), or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XEP.
 *
 * @since 0.1.0
 */
public final class ClaimedProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public ClaimedProvider() {
        super();
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            Claimed claimed = new Claimed(
                    DiscoveryXml.jid(p, "jid"), IotXml.optionalNodeRef(p), IotXml.booleanAttribute(p, "public", true));
            IotXml.skipElement(p);
            return claimed;
        });
    }
}
