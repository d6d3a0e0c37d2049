package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.IsFriendResponse;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code isFriendResponse} (XEP-0324 §3.2.1) into {@link IsFriendResponse}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that it is answered with
 * {@code bad-request}.
 *
 * @since 0.1.0
 */
public final class IsFriendResponseProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public IsFriendResponseProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            IsFriendResponse r = new IsFriendResponse(
                    ProvisioningXml.jid(p, "jid"),
                    ProvisioningXml.requiredBoolean(p, "result"),
                    IotXml.booleanAttribute(p, "secondaryTrustAllowed", false));
            IotXml.skipToEndOf(p, initialDepth);
            return r;
        });
    }
}
