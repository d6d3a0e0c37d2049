package io.github.xmppiot.provisioning.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * {@code canControlResponse} (XEP-0324 §3.4.1–§3.4.3): {@code result='false'} rejects the action; with a node or
 * parameter list the Thing must only control those, and report the restriction to the caller.
 *
 * @since 0.1.0
 */
public final class CanControlResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "canControlResponse";

    private final Jid jid;
    private final boolean result;
    private final List<NodeRef> nodes;
    private final List<String> parameters;

    /**
     * Creates the response.
     *
     * @param jid        the requester the question was about
     * @param result     whether control is allowed
     * @param nodes      allowed nodes (empty: as requested)
     * @param parameters allowed parameter names (empty: as requested)
     */
    public CanControlResponse(Jid jid, boolean result, List<NodeRef> nodes, List<String> parameters) {
        super(ELEMENT, Type.result);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.result = result;
        this.nodes = List.copyOf(nodes);
        this.parameters = List.copyOf(parameters);
    }

    /** @return the requester the question was about */
    public Jid jid() {
        return jid;
    }

    /** @return whether control is allowed */
    public boolean result() {
        return result;
    }

    /** @return allowed nodes (empty: as requested) */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return allowed parameter names (empty: as requested) */
    public List<String> parameters() {
        return parameters;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        xml.attribute("result", result);
        ProvisioningXml.writeChildren(xml, nodes, "parameter", parameters);
        return xml;
    }
}
