package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code mine}: an owner claims the Thing whose registered meta tags are exactly these (XEP-0347 §3.9 "Claiming
 * Ownership of a Thing"). Sent as IQ {@code set}; {@code public} defaults to true.
 *
 * @since 0.1.0
 */
public final class Mine extends IQ {

    /** Element name. */
    public static final String ELEMENT = "mine";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final List<MetaTag> tags;
    private final NodeRef node;
    private final boolean isPublic;

    /**
     * Creates the request.
     *
     * @param tags     all meta tags the Thing registered (for example read from its QR code)
     * @param node     restricts the claim to a node behind a concentrator, or null
     * @param isPublic false to claim the Thing as private (not searchable)
     */
    public Mine(List<? extends MetaTag> tags, NodeRef node, boolean isPublic) {
        super(ELEMENT, NAMESPACE);
        this.tags = List.copyOf(tags);
        this.node = node;
        this.isPublic = isPublic;
        setType(Type.set);
    }

    /** @return the meta tags, in document order */
    public List<MetaTag> tags() {
        return tags;
    }

    /** @return the node the claim is restricted to, if any */
    public Optional<NodeRef> node() {
        return Optional.ofNullable(node);
    }

    /** @return whether the Thing becomes public (searchable) once claimed */
    public boolean isPublic() {
        return isPublic;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        IotXml.writeNodeRef(xml, node);
        if (!isPublic) {
            xml.attribute("public", "false");
        }
        return Elements.withTags(xml, tags);
    }
}
