package io.github.xmppiot.provisioning.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * {@code canReadResponse} (XEP-0324 §3.3.1–§3.3.3): {@code result='false'} rejects the read-out; {@code result='true'}
 * with a node list restricts it to those nodes, with a field list to those fields, with both to the listed fields of
 * the listed nodes.
 *
 * @since 0.1.0
 */
public final class CanReadResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "canReadResponse";

    private final Jid jid;
    private final boolean result;
    private final FieldTypes fieldTypes;
    private final List<NodeRef> nodes;
    private final List<String> fields;

    /**
     * Creates the response.
     *
     * @param jid        the requester the question was about
     * @param result     whether reading is allowed
     * @param fieldTypes the allowed field types (echoed as in the XEP-0324 examples)
     * @param nodes      allowed nodes (empty: as requested)
     * @param fields     allowed fields (empty: as requested)
     */
    public CanReadResponse(Jid jid, boolean result, FieldTypes fieldTypes, List<NodeRef> nodes, List<String> fields) {
        super(ELEMENT, Type.result);
        this.jid = Objects.requireNonNull(jid, "jid");
        this.result = result;
        this.fieldTypes = fieldTypes == null ? FieldTypes.NONE : fieldTypes;
        this.nodes = List.copyOf(nodes);
        this.fields = List.copyOf(fields);
    }

    /** @return the requester the question was about */
    public Jid jid() {
        return jid;
    }

    /** @return whether reading is allowed */
    public boolean result() {
        return result;
    }

    /** @return the field types */
    public FieldTypes fieldTypes() {
        return fieldTypes;
    }

    /** @return the allowed nodes (empty: as requested) */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the allowed fields (empty: as requested) */
    public List<String> fields() {
        return fields;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", jid);
        ProvisioningXml.writeFieldTypes(xml, fieldTypes);
        xml.attribute("result", result);
        ProvisioningXml.writeChildren(xml, nodes, "field", fields);
        return xml;
    }
}
