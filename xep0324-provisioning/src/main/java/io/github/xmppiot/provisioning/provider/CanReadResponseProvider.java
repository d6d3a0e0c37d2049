package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.CanReadResponse;
import io.github.xmppiot.provisioning.element.FieldTypes;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.Jid;

/**
 * Parses {@code canReadResponse} (XEP-0324 §3.3) into {@link CanReadResponse}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that a request is answered
 * with {@code bad-request} and a response is reported as malformed.
 *
 * @since 0.1.0
 */
public final class CanReadResponseProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public CanReadResponseProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            Jid jid = ProvisioningXml.jid(p, "jid");
            boolean result = ProvisioningXml.requiredBoolean(p, "result");
            FieldTypes types = ProvisioningXml.fieldTypes(p);
            ProvisioningXml.Children c = ProvisioningXml.children(p, initialDepth, "field");
            return new CanReadResponse(jid, result, types, c.nodes(), c.names());
        });
    }
}
