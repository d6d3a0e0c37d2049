package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code tokenChallenge} (XEP-0324 §3.1.3.2) into {@link TokenChallenge}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that a request is answered
 * with {@code bad-request} and a response is reported as malformed.
 *
 * @since 0.1.0
 */
public final class TokenChallengeProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public TokenChallengeProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            String token = IotXml.requiredAttribute(p, "token");
            return new TokenChallenge(token, ProvisioningXml.text(p));
        });
    }
}
