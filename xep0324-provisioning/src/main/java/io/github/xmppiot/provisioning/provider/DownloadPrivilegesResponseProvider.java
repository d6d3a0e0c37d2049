package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.DownloadPrivilegesResponse;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code downloadPrivilegesResponse} (XEP-0324 §3.7.2; also without namespace, as in example 24) into {@link DownloadPrivilegesResponse}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that a request is answered
 * with {@code bad-request} and a response is reported as malformed.
 *
 * @since 0.1.0
 */
public final class DownloadPrivilegesResponseProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public DownloadPrivilegesResponseProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            List<PrivilegeRule> rules = new ArrayList<>();
            while (p.next() != XmlPullParser.Event.END_ELEMENT || p.getDepth() != initialDepth) {
                if (p.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                    continue;
                }
                String name = p.getName();
                if (name.equals("include") || name.equals("exclude")) {
                    rules.add(new PrivilegeRule(
                            name.equals("include"), ProvisioningXml.privilegeId(IotXml.requiredAttribute(p, "id"))));
                }
                IotXml.skipElement(p);
            }
            return new DownloadPrivilegesResponse(rules);
        });
    }
}
