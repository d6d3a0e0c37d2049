package io.github.xmppiot.control.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;

/**
 * The {@code setResponse} answer to a {@link SetRequest} (XEP-0325 §3.1). Empty if the request was executed as asked;
 * otherwise it lists the nodes and parameter names actually used, because an access policy (XEP-0324 §3.4
 * "Restricting nodes/parameters during control") narrowed the request. Drafts before 0.3 also put a
 * {@code responseCode} attribute and {@code error} children on it, and sent it inside IQ errors; they are kept when
 * read ({@link #responseCode()}, {@link #legacyErrors()}) so that the client can report such a refusal.
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
    private final String responseCode;
    private final List<ParamError> legacyErrors;

    /**
     * Creates a response.
     *
     * @param nodes          the nodes actually controlled; empty if as requested
     * @param parameterNames the parameters actually set; empty if as requested
     */
    public SetResponse(List<NodeRef> nodes, List<String> parameterNames) {
        this(nodes, parameterNames, null, List.of());
    }

    /**
     * Creates a response as received, with what the drafts before 0.3 carried (never written by this SDK).
     *
     * @param nodes          the nodes listed
     * @param parameterNames the parameter names listed
     * @param responseCode   the pre-0.3 {@code responseCode} attribute, null if absent
     * @param legacyErrors   the pre-0.3 {@code <error var='…'>text</error>} children, in document order
     */
    public SetResponse(
            List<NodeRef> nodes, List<String> parameterNames, String responseCode, List<ParamError> legacyErrors) {
        super(ELEMENT, NAMESPACE);
        this.nodes = List.copyOf(nodes);
        this.parameterNames = List.copyOf(parameterNames);
        this.responseCode = responseCode;
        this.legacyErrors = List.copyOf(legacyErrors);
        setType(Type.result);
    }

    /** @return the pre-0.3 {@code responseCode} attribute as received ({@code OK}, {@code NotFound}, …); null if absent */
    public String responseCode() {
        return responseCode;
    }

    /** @return the pre-0.3 {@code error} children ({@code var} attribute and text), in document order; usually empty */
    public List<ParamError> legacyErrors() {
        return legacyErrors;
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
