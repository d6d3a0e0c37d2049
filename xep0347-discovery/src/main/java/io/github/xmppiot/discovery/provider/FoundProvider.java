package io.github.xmppiot.discovery.provider;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <found xmlns='urn:xmpp:iot:discovery'/>} into a {@link Found} (XEP-0347 §3.15), or into a
 * {@link io.github.xmppiot.core.xml.MalformedRequest} if it breaks the XEP.
 *
 * @since 0.1.0
 */
public final class FoundProvider extends IQProvider<IQ> {

    /** Creates the provider. */
    public FoundProvider() {
        super();
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return IotXml.parseRequest(parser, initialDepth, p -> {
            boolean more = IotXml.booleanAttribute(p, "more", false);
            int depth = p.getDepth();
            List<FoundThing> things = new ArrayList<>();
            while (!(p.next() == XmlPullParser.Event.END_ELEMENT && p.getDepth() == depth)) {
                if (p.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                    continue;
                }
                if (Found.THING.equals(p.getName())) {
                    var owner = DiscoveryXml.jid(p, "owner");
                    var jid = DiscoveryXml.jid(p, "jid");
                    var node = IotXml.optionalNodeRef(p);
                    things.add(new FoundThing(owner, jid, node, DiscoveryXml.readTags(p)));
                } else {
                    IotXml.skipElement(p);
                }
            }
            return new Found(new SearchResult(things, more));
        });
    }
}
