package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.UserLoggedIn;
import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses the message payload {@code userLoggedIn} (XEP-0324 §3.6.2) into {@link UserLoggedIn}. A payload lacking a required attribute
 * raises an {@link IotParseException}; Smack then drops the message (messages get no answer).
 *
 * @since 0.1.0
 */
public final class UserLoggedInProvider extends ExtensionElementProvider<UserLoggedIn> {

    /** Creates the provider. */
    public UserLoggedInProvider() {
        // stateless
    }

    @Override
    public UserLoggedIn parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, IotParseException {
        UserLoggedIn element = new UserLoggedIn(
                IotXml.requiredAttribute(parser, "serviceToken"),
                IotXml.requiredAttribute(parser, "userToken"),
                IotXml.requiredAttribute(parser, "userName"));
        IotXml.skipToEndOf(parser, initialDepth);
        return element;
    }
}
