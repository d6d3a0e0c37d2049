package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code disowned}: the registry tells a Thing that its owner disowned it (XEP-0347 §3.17, IQ {@code set}, answered
 * with an empty result), or answers a Thing's {@code update} while the Thing is registered but not claimed
 * (XEP-0347 §3.13, IQ {@code result}).
 *
 * @since 0.1.0
 */
public final class Disowned extends IQ {

    /** Element name. */
    public static final String ELEMENT = "disowned";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final NodeRef node;

    /**
     * Creates the element.
     *
     * @param node the node behind a concentrator, or null for the Thing itself
     */
    public Disowned(NodeRef node) {
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
