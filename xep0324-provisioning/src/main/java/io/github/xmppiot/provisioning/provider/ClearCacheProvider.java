package io.github.xmppiot.provisioning.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.ClearCache;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code clearCache} (XEP-0324 §3.5.1) into {@link ClearCache}, or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XSD's rules, so that it is answered with
 * {@code bad-request}.
 *
 * @since 0.1.0
 */
public final class ClearCacheProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public ClearCacheProvider() {
        // stateless
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            ClearCache r = new ClearCache();
            IotXml.skipToEndOf(p, initialDepth);
            return r;
        });
    }
}
