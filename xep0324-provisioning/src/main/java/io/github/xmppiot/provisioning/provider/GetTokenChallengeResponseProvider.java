package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.GetTokenChallengeResponse;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code getTokenChallengeResponse} (XEP-0324 §3.1.3.1) into {@link GetTokenChallengeResponse}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that a request is answered
 * with {@code bad-request} and a response is reported as malformed.
 *
 * @since 0.1.0
 */
public final class GetTokenChallengeResponseProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public GetTokenChallengeResponseProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            int seqnr = IotXml.intAttribute(p, "seqnr");
            return new GetTokenChallengeResponse(seqnr, ProvisioningXml.text(p));
        });
    }
}
