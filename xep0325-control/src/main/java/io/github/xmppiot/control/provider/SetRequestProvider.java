package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads an {@code iq type='set'} carrying XEP-0325 {@code set} (§3.1). A request that breaks the XEP's rules becomes a
 * {@link io.github.xmppiot.core.xml.MalformedRequest}, so it is answered with {@code modify/bad-request} instead of
 * being dropped.
 *
 * @since 0.1.0
 */
public final class SetRequestProvider extends IqProvider<IQ> {

    /** Shared instance. */
    public static final SetRequestProvider INSTANCE = new SetRequestProvider();

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(
                parser, initialDepth, p -> new SetRequest(ControlSetProvider.parseSet(p, initialDepth)));
    }
}
