package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * {@code disown}: an owner gives up the ownership of a Thing (XEP-0347 §3.17). Sent as IQ {@code set}; the registry
 * answers only after the Thing acknowledged {@code disowned}.
 *
 * @since 0.1.0
 */
public final class Disown extends IQ {

    /** Element name. */
    public static final String ELEMENT = "disown";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final Jid jid;
    private final NodeRef node;

    /**
     * Creates the request.
     *
     * @param jid  the Thing (or its concentrator), resource-less
     * @param node the node behind a concentrator, or null
     */
    public Disown(Jid jid, NodeRef node) {
        super(ELEMENT, NAMESPACE);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.node = node;
        setType(Type.set);
    }

    /** @return the Thing (or its concentrator) */
    public Jid jid() {
        return jid;
    }

    /** @return the node behind a concentrator, if any */
    public Optional<NodeRef> node() {
        return Optional.ofNullable(node);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        IotXml.writeNodeRef(xml, node);
        xml.setEmptyElement();
        return xml;
    }
}
