package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.util.List;
import org.jivesoftware.smack.packet.IQ.IQChildElementXmlStringBuilder;

/** Serialisation shared by the elements of this package. */
final class Elements {

    private Elements() {}

    static IQChildElementXmlStringBuilder withTags(IQChildElementXmlStringBuilder xml, List<? extends MetaTag> tags) {
        if (tags.isEmpty()) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            DiscoveryXml.writeTags(xml, tags);
        }
        return xml;
    }
}
