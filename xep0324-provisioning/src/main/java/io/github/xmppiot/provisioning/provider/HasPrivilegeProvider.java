package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.HasPrivilege;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code hasPrivilege} (XEP-0324 §3.7.1) into {@link HasPrivilege}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that it is answered with
 * {@code bad-request}.
 *
 * @since 0.1.0
 */
public final class HasPrivilegeProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public HasPrivilegeProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            HasPrivilege r = new HasPrivilege(
                    IotXml.requiredAttribute(p, "serviceToken"),
                    IotXml.requiredAttribute(p, "userToken"),
                    ProvisioningXml.privilegeId(IotXml.requiredAttribute(p, "privilegeId")));
            IotXml.skipToEndOf(p, initialDepth);
            return r;
        });
    }
}
