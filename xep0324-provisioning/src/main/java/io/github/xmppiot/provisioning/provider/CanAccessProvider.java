package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.CanAccess;
import io.github.xmppiot.provisioning.element.Credential;
import io.github.xmppiot.provisioning.element.CredentialType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code canAccess} (XEP-0324 §3.6.2) into {@link CanAccess}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules (typed XSD children and the examples' {@code <credentials type= value=/>} form, CHECKLIST §9.2.4), so that a request is answered
 * with {@code bad-request} and a response is reported as malformed.
 *
 * @since 0.1.0
 */
public final class CanAccessProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public CanAccessProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            String serviceToken = IotXml.requiredAttribute(p, "serviceToken");
            List<Credential> credentials = new ArrayList<>();
            while (p.next() != XmlPullParser.Event.END_ELEMENT || p.getDepth() != initialDepth) {
                if (p.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                    continue;
                }
                credential(p).ifPresent(credentials::add);
                IotXml.skipElement(p);
            }
            return new CanAccess(serviceToken, credentials);
        });
    }

    private static Optional<Credential> credential(XmlPullParser p) throws IotParseException {
        String name = p.getName();
        Optional<CredentialType> type;
        String value;
        if (name.equals("credentials")) {
            String legacyType = IotXml.requiredAttribute(p, "type");
            value = IotXml.requiredAttribute(p, "value");
            type = CredentialType.fromLegacyType(legacyType, value);
        } else {
            type = CredentialType.fromElement(name);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            value = IotXml.requiredAttribute(p, type.get().attribute());
        }
        try {
            return type.map(t -> new Credential(t, value));
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("credential <" + name + "/>", e);
        }
    }
}
