package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.Friend;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses the message payload {@code friend} (XEP-0324 §3.2.4) into {@link Friend}. A payload lacking a required attribute
 * raises an {@link IotParseException}; Smack then drops the message (messages get no answer).
 *
 * @since 0.1.0
 */
public final class FriendProvider extends ExtensionElementProvider<Friend> {

    /** Creates the provider. */
    public FriendProvider() {
        // stateless
    }

    @Override
    public Friend parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, IotParseException {
        Friend element = new Friend(ProvisioningXml.jid(parser, "jid"));
        IotXml.skipToEndOf(parser, initialDepth);
        return element;
    }
}
