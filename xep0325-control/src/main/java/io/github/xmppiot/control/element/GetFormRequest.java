package io.github.xmppiot.control.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;

/**
 * The XEP-0325 {@code getForm} request (§3.3 "Getting a control form", §3.4 "Getting a control form from multiple
 * nodes"), sent in an {@code iq type='get'} and answered with a {@link ControlFormResponse}.
 *
 * @since 0.1.0
 */
public final class GetFormRequest extends IQ {

    /** Element name. */
    public static final String ELEMENT = "getForm";
    /** The XEP-0325 namespace. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;

    private final Tokens tokens;
    private final List<NodeRef> nodes;

    /**
     * Creates the request.
     *
     * @param tokens the tokens, null for none
     * @param nodes  the nodes whose common form is asked for; empty for the device itself
     */
    public GetFormRequest(Tokens tokens, List<NodeRef> nodes) {
        super(ELEMENT, NAMESPACE);
        this.tokens = tokens == null ? Tokens.NONE : tokens;
        this.nodes = List.copyOf(nodes);
        setType(Type.get);
    }

    /** @return the tokens, {@link Tokens#NONE} if none */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the nodes addressed; empty for the device itself */
    public List<NodeRef> nodes() {
        return nodes;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        IotXml.writeTokens(xml, tokens);
        if (nodes.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (NodeRef n : nodes) {
            xml.halfOpenElement("node");
            IotXml.writeNodeRef(xml, n);
            xml.closeEmptyElement();
        }
        return xml;
    }
}
