package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.CanAccessResponse;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code canAccessResponse} (XEP-0324 §3.6.2) into {@link CanAccessResponse}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that it is answered with
 * {@code bad-request}.
 *
 * @since 0.1.0
 */
public final class CanAccessResponseProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public CanAccessResponseProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            CanAccessResponse r = new CanAccessResponse(
                    ProvisioningXml.requiredBoolean(p, "result"), IotXml.attribute(p, "userToken"));
            IotXml.skipToEndOf(p, initialDepth);
            return r;
        });
    }
}
