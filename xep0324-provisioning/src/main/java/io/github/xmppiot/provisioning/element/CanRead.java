package io.github.xmppiot.provisioning.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * {@code canRead} (XEP-0324 §3.3 "Device Read-out"): before a XEP-0323 read-out a Thing asks its provisioning server
 * whether {@code jid} may read it, forwarding the requester's tokens (§3.1.5 multiple tokens, space separated), the
 * requested field types and the requested nodes and fields (empty lists: all).
 *
 * @since 0.1.0
 */
public final class CanRead extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "canRead";

    private final Jid jid;
    private final Tokens tokens;
    private final FieldTypes fieldTypes;
    private final List<NodeRef> nodes;
    private final List<String> fields;

    /**
     * Creates the request.
     *
     * @param jid        the requester (the bare JID is sent by the Thing)
     * @param tokens     the requester's tokens, may be {@link Tokens#NONE}
     * @param fieldTypes the requested field types
     * @param nodes      the requested nodes (empty: all)
     * @param fields     the requested field names (empty: all)
     */
    public CanRead(Jid jid, Tokens tokens, FieldTypes fieldTypes, List<NodeRef> nodes, List<String> fields) {
        super(ELEMENT, Type.get);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.tokens = tokens == null ? Tokens.NONE : tokens;
        this.fieldTypes = fieldTypes == null ? FieldTypes.NONE : fieldTypes;
        this.nodes = List.copyOf(nodes);
        this.fields = List.copyOf(fields);
    }

    /** @return the requester */
    public Jid jid() {
        return jid;
    }

    /** @return the forwarded tokens */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the requested field types */
    public FieldTypes fieldTypes() {
        return fieldTypes;
    }

    /** @return the requested nodes (empty: all) */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the requested field names (empty: all) */
    public List<String> fields() {
        return fields;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        IotXml.writeTokens(xml, tokens);
        ProvisioningXml.writeFieldTypes(xml, fieldTypes);
        ProvisioningXml.writeChildren(xml, nodes, "field", fields);
        return xml;
    }
}
