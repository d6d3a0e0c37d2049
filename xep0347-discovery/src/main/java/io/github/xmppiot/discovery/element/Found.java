package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code found}: one page of search results, {@code <thing owner jid [node attributes]>tags</thing>*} and
 * {@code more} (XEP-0347 §3.15). Sent as IQ {@code result}.
 *
 * @since 0.1.0
 */
public final class Found extends IQ {

    /** Element name. */
    public static final String ELEMENT = "found";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";
    /** Element name of one found Thing. */
    public static final String THING = "thing";

    private final SearchResult result;

    /**
     * Creates the element.
     *
     * @param result the page of results
     */
    public Found(SearchResult result) {
        super(ELEMENT, NAMESPACE);
        this.result = result;
        setType(Type.result);
    }

    /** @return the page of results */
    public SearchResult result() {
        return result;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("more", result.more());
        List<FoundThing> things = result.things();
        if (things.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (FoundThing t : things) {
            xml.halfOpenElement(THING);
            xml.attribute("owner", t.owner());
            xml.attribute("jid", t.jid());
            IotXml.writeNodeRef(xml, t.node());
            if (t.tags().isEmpty()) {
                xml.closeEmptyElement();
            } else {
                xml.rightAngleBracket();
                DiscoveryXml.writeTags(xml, t.tags());
                xml.closeElement(THING);
            }
        }
        return xml;
    }
}
