package io.github.xmppiot.discovery.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * {@code claimed} (XEP-0347 §3.9): sent by the registry to a Thing whose ownership was claimed (IQ {@code set},
 * {@code jid} = owner), returned to the owner whose claim succeeded (IQ {@code result}, {@code jid} = Thing), and
 * returned to a Thing that registers although already claimed (XEP-0347 §3.6, IQ {@code result}, {@code jid} = owner).
 * A missing {@code public} attribute means public (CHECKLIST §9.5 item 2); only {@code public='false'} is written.
 *
 * @since 0.1.0
 */
public final class Claimed extends IQ {

    /** Element name. */
    public static final String ELEMENT = "claimed";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final Jid jid;
    private final NodeRef node;
    private final boolean isPublic;

    /**
     * Creates the element (IQ type {@code set}; answers set their type to {@code result}).
     *
     * @param jid      the owner (towards the Thing) or the Thing (towards the owner)
     * @param node     the node behind a concentrator, or null
     * @param isPublic whether the Thing was claimed as public
     */
    public Claimed(Jid jid, NodeRef node, boolean isPublic) {
        super(ELEMENT, NAMESPACE);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.node = node;
        this.isPublic = isPublic;
        setType(Type.set);
    }

    /** @return the owner (towards the Thing) or the Thing (towards the owner) */
    public Jid jid() {
        return jid;
    }

    /** @return the node behind a concentrator, if any */
    public Optional<NodeRef> node() {
        return Optional.ofNullable(node);
    }

    /** @return whether the Thing is public (searchable) */
    public boolean isPublic() {
        return isPublic;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        IotXml.writeNodeRef(xml, node);
        if (!isPublic) {
            xml.attribute("public", "false");
        }
        xml.setEmptyElement();
        return xml;
    }
}
