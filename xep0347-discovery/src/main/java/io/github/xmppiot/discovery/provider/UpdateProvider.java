package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <update xmlns='urn:xmpp:iot:discovery'/>} into a {@link Update} (XEP-0347 §3.13, §3.14), or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XEP.
 *
 * @since 0.1.0
 */
public final class UpdateProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public UpdateProvider() {
        super();
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            var jid = DiscoveryXml.optionalJid(p, "jid");
            var node = IotXml.optionalNodeRef(p);
            return new Update(DiscoveryXml.readTags(p), node, jid);
        });
    }
}
