package io.github.xmppiot.provisioning.element;

import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * {@code isFriendResponse} (XEP-0324 §3.2.1, §3.1.4 secondary trust): the provisioning server's answer to {@link IsFriend}; with
 * {@code secondaryTrustAllowed='true'} the Thing may add friends or further trust relationships itself.
 *
 * @since 0.1.0
 */
public final class IsFriendResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "isFriendResponse";

    private final Jid jid;
    private final boolean result;
    private final boolean secondaryTrustAllowed;

    /**
     * Creates the response.
     *
     * @param jid                   the JID the question was about
     * @param result                whether the friendship is accepted
     * @param secondaryTrustAllowed whether secondary trust is allowed (default false)
     */
    public IsFriendResponse(Jid jid, boolean result, boolean secondaryTrustAllowed) {
        super(ELEMENT, Type.result);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.result = result;
        this.secondaryTrustAllowed = secondaryTrustAllowed;
    }

    /** @return the JID the question was about */
    public Jid jid() {
        return jid;
    }

    /** @return whether the friendship is accepted */
    public boolean result() {
        return result;
    }

    /** @return whether the Thing may create friendships or trust relationships on its own */
    public boolean secondaryTrustAllowed() {
        return secondaryTrustAllowed;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        xml.attribute("result", result);
        xml.optBooleanAttribute("secondaryTrustAllowed", secondaryTrustAllowed);
        xml.setEmptyElement();
        return xml;
    }
}
