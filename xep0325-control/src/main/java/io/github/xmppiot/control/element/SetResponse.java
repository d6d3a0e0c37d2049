package io.github.xmppiot.control.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;

/**
 * The {@code setResponse} answer to a {@link SetRequest} (XEP-0325 §3.1). Empty if the request was executed as asked;
 * otherwise it lists the nodes and parameter names actually used, because an access policy (XEP-0324 §3.4
 * "Restricting nodes/parameters during control") narrowed the request.
 *
 * @since 0.1.0
 */
public final class SetResponse extends IQ {

    /** Element name. */
    public static final String ELEMENT = "setResponse";
    /** The XEP-0325 namespace. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;

    private final List<NodeRef> nodes;
    private final List<String> parameterNames;

    /**
     * Creates a response.
     *
     * @param nodes          the nodes actually controlled; empty if as requested
     * @param parameterNames the parameters actually set; empty if as requested
     */
    public SetResponse(List<NodeRef> nodes, List<String> parameterNames) {
        super(ELEMENT, NAMESPACE);
        this.nodes = List.copyOf(nodes);
        this.parameterNames = List.copyOf(parameterNames);
        setType(Type.result);
    }

    /** @return the nodes actually controlled; empty if the request was executed as asked */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the parameter names actually set; empty if the request was executed as asked */
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (nodes.isEmpty() && parameterNames.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (NodeRef n : nodes) {
            xml.halfOpenElement("node");
            IotXml.writeNodeRef(xml, n);
            xml.closeEmptyElement();
        }
        for (String p : parameterNames) {
            xml.halfOpenElement("parameter").attribute("name", p).closeEmptyElement();
        }
        return xml;
    }
}
