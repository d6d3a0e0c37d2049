package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.Unfriend;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses the message payload {@code unfriend} (XEP-0324 §3.2.3) into {@link Unfriend}. A payload lacking a required attribute
 * raises an {@link IotParseException}; Smack then drops the message (messages get no answer).
 *
 * @since 0.1.0
 */
public final class UnfriendProvider extends ExtensionElementProvider<Unfriend> {

    /** Creates the provider. */
    public UnfriendProvider() {
        // stateless
    }

    @Override
    public Unfriend parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, IotParseException {
        Unfriend element = new Unfriend(ProvisioningXml.jid(parser, "jid"));
        IotXml.skipToEndOf(parser, initialDepth);
        return element;
    }
}
