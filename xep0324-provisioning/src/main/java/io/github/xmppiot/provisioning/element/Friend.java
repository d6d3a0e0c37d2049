package io.github.xmppiot.provisioning.element;

import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.Jid;

/**
 * {@code friend} (XEP-0324 §3.2.4 "Recommending friendships"): a message from the provisioning server recommending
 * that the Thing befriend {@code jid}. The Thing may still ask {@link IsFriend} before doing so.
 *
 * @since 0.1.0
 */
public final class Friend implements ExtensionElement {

    /** Element name. */
    public static final String ELEMENT = "friend";
    /** Namespace. */
    public static final String NAMESPACE = ProvisioningIq.NAMESPACE;

    private final Jid jid;

    /**
     * Creates the element.
     *
     * @param jid the JID concerned
     */
    public Friend(Jid jid) {
        this.jid = Objects.requireNonNull(jid, "jid");
    }

    /** @return the JID concerned */
    public Jid jid() {
        return jid;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        xml.attribute("jid", jid);
        xml.closeEmptyElement();
        return xml;
    }
}
