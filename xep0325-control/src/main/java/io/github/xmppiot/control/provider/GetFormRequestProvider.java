package io.github.xmppiot.control.provider;

import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@code getForm} (XEP-0325 §3.3, §3.4). A request with a node lacking {@code nodeId} becomes a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} and is answered with {@code modify/bad-request}.
 *
 * @since 0.1.0
 */
public final class GetFormRequestProvider extends IqProvider<IQ> {

    /** Shared instance. */
    public static final GetFormRequestProvider INSTANCE = new GetFormRequestProvider();

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            Tokens tokens = IotXml.tokens(p);
            List<NodeRef> nodes = new ArrayList<>();
            while (true) {
                XmlPullParser.Event event = p.next();
                if (event == XmlPullParser.Event.END_ELEMENT && p.getDepth() == initialDepth) {
                    break;
                }
                if (event == XmlPullParser.Event.START_ELEMENT) {
                    if ("node".equals(p.getName()) && GetFormRequest.NAMESPACE.equals(p.getNamespace())) {
                        nodes.add(IotXml.nodeRef(p));
                    }
                    IotXml.skipElement(p);
                }
            }
            return new GetFormRequest(tokens, nodes);
        });
    }
}
