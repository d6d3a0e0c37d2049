package io.github.xmppiot.provisioning.element;

import java.util.Objects;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * {@code isFriend} (XEP-0324 §3.2.1, §3.2.2): a Thing asks its provisioning server
 * whether it may accept a presence subscription from {@code jid}. Sent in an {@code iq type='get'}.
 *
 * @since 0.1.0
 */
public final class IsFriend extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "isFriend";

    private final Jid jid;

    /**
     * Creates the request.
     *
     * @param jid the JID asking for friendship
     */
    public IsFriend(Jid jid) {
        super(ELEMENT, Type.get);
        this.jid = Objects.requireNonNull(jid, "jid");
    }

    /** @return the JID asking for friendship, as sent */
    public Jid jid() {
        return jid;
    }

    /** @return the bare JID the server decides on (XEP-0324 §3.2.1: the server ignores any resource) */
    public BareJid bareJid() {
        return jid.asBareJid();
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        xml.setEmptyElement();
        return xml;
    }
}
