package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * {@code update}: a claimed Thing updates some of its meta tags (XEP-0347 §3.13), or its owner does, naming the Thing
 * with {@code jid} (XEP-0347 §3.14). Only the given tags change; an empty string value removes a tag. Sent as IQ
 * {@code set}.
 *
 * @since 0.1.0
 */
public final class Update extends IQ {

    /** Element name. */
    public static final String ELEMENT = "update";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final List<MetaTag> tags;
    private final NodeRef node;
    private final Jid jid;

    /**
     * Creates the request.
     *
     * @param tags the tags to set or (string tags with empty value) remove
     * @param node the node behind a concentrator, or null
     * @param jid  the Thing, when an owner updates it; null when the Thing updates itself
     */
    public Update(List<? extends MetaTag> tags, NodeRef node, Jid jid) {
        super(ELEMENT, NAMESPACE);
        this.tags = List.copyOf(tags);
        this.node = node;
        this.jid = jid;
        setType(Type.set);
    }

    /** @return the tags, in document order */
    public List<MetaTag> tags() {
        return tags;
    }

    /** @return the node behind a concentrator, if any */
    public Optional<NodeRef> node() {
        return Optional.ofNullable(node);
    }

    /** @return the Thing's JID when an owner sends the update (XEP-0347 §3.14) */
    public Optional<Jid> jid() {
        return Optional.ofNullable(jid);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("jid", jid);
        IotXml.writeNodeRef(xml, node);
        return Elements.withTags(xml, tags);
    }
}
