package io.github.xmppiot.provisioning.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * {@code canControl} (XEP-0324 §3.4 "Device Control"): before a XEP-0325 control action a Thing asks its provisioning
 * server whether {@code jid} may control it, forwarding the requester's tokens and the nodes and parameter names
 * concerned (empty lists: all).
 *
 * @since 0.1.0
 */
public final class CanControl extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "canControl";

    private final Jid jid;
    private final Tokens tokens;
    private final List<NodeRef> nodes;
    private final List<String> parameters;

    /**
     * Creates the request.
     *
     * @param jid        the requester (the bare JID is sent by the Thing)
     * @param tokens     the requester's tokens, may be {@link Tokens#NONE}
     * @param nodes      the nodes to control (empty: all)
     * @param parameters the parameter names to set (empty: all)
     */
    public CanControl(Jid jid, Tokens tokens, List<NodeRef> nodes, List<String> parameters) {
        super(ELEMENT, Type.get);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.tokens = tokens == null ? Tokens.NONE : tokens;
        this.nodes = List.copyOf(nodes);
        this.parameters = List.copyOf(parameters);
    }

    /** @return the requester */
    public Jid jid() {
        return jid;
    }

    /** @return the forwarded tokens */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the nodes (empty: all) */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the parameter names (empty: all) */
    public List<String> parameters() {
        return parameters;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        IotXml.writeTokens(xml, tokens);
        ProvisioningXml.writeChildren(xml, nodes, "parameter", parameters);
        return xml;
    }
}
