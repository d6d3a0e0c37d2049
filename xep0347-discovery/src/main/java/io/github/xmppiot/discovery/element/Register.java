package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code register}: a Thing (or a concentrator for one of its nodes) registers its meta tags in the registry
 * (XEP-0347 §3.6 "Registering Thing", §3.7 "Register self-owned Thing", §3.8 "Register Thing behind Concentrator").
 * Sent as IQ {@code set}.
 *
 * @since 0.1.0
 */
public final class Register extends IQ {

    /** Element name. */
    public static final String ELEMENT = "register";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final List<MetaTag> tags;
    private final NodeRef node;
    private final boolean selfOwned;

    /**
     * Creates the request.
     *
     * @param tags      the meta tags
     * @param node      the node behind a concentrator, or null
     * @param selfOwned true to register as public and claimed by itself (XEP-0347 §3.7)
     */
    public Register(List<? extends MetaTag> tags, NodeRef node, boolean selfOwned) {
        super(ELEMENT, NAMESPACE);
        this.tags = List.copyOf(tags);
        this.node = node;
        this.selfOwned = selfOwned;
        setType(Type.set);
    }

    /** @return the meta tags, in document order */
    public List<MetaTag> tags() {
        return tags;
    }

    /** @return the node behind a concentrator, if any */
    public Optional<NodeRef> node() {
        return Optional.ofNullable(node);
    }

    /** @return whether the Thing registers itself as its own owner (XEP-0347 §3.7) */
    public boolean selfOwned() {
        return selfOwned;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        IotXml.writeNodeRef(xml, node);
        if (selfOwned) {
            xml.attribute("selfOwned", "true");
        }
        return Elements.withTags(xml, tags);
    }
}
