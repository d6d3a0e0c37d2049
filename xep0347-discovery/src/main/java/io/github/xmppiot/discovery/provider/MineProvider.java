package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <mine xmlns='urn:xmpp:iot:discovery'/>} into a {@link Mine} (XEP-0347 §3.9), or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XEP.
 *
 * @since 0.1.0
 */
public final class MineProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public MineProvider() {
        super();
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            boolean isPublic = IotXml.booleanAttribute(p, "public", true);
            var node = IotXml.optionalNodeRef(p);
            return new Mine(DiscoveryXml.readTags(p), node, isPublic);
        });
    }
}
