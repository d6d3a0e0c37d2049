package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <register xmlns='urn:xmpp:iot:discovery'/>} into a {@link Register} (XEP-0347 §3.6), or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XEP.
 *
 * @since 0.1.0
 */
public final class RegisterProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public RegisterProvider() {
        super();
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            boolean selfOwned = IotXml.booleanAttribute(p, "selfOwned", false);
            var node = IotXml.optionalNodeRef(p);
            return new Register(DiscoveryXml.readTags(p), node, selfOwned);
        });
    }
}
