package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code removed}: the registry tells a Thing that its owner removed it from the registry (XEP-0347 §3.10); the
 * Thing answers with an empty result. Sent as IQ {@code set}.
 *
 * @since 0.1.0
 */
public final class Removed extends IQ {

    /** Element name. */
    public static final String ELEMENT = "removed";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final NodeRef node;

    /**
     * Creates the element.
     *
     * @param node the node behind a concentrator, or null for the Thing itself
     */
    public Removed(NodeRef node) {
        super(ELEMENT, NAMESPACE);
        this.node = node;
        setType(Type.set);
    }

    /** @return the node behind a concentrator, if any */
    public Optional<NodeRef> node() {
        return Optional.ofNullable(node);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        IotXml.writeNodeRef(xml, node);
        xml.setEmptyElement();
        return xml;
    }
}
