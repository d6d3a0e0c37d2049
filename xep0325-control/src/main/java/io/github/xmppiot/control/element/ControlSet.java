package io.github.xmppiot.control.element;

import io.github.xmppiot.control.internal.FormXml;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.xml.IotXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * The XEP-0325 {@code set} element (§3.1 "Control commands", §3.2 "Setting control parameters", §3.3 "Setting a
 * (partial) control form", §3.4 "Controlling devices behind a concentrator"): optional tokens, the nodes addressed,
 * typed parameters in the order they must be applied, and optionally a submitted control form.
 *
 * <p>This class is the message payload (fire-and-forget, §3.1); {@link SetRequest} carries the same content in an
 * {@code iq type='set'}.
 *
 * @since 0.1.0
 */
public final class ControlSet implements ExtensionElement {

    /** The XEP-0325 namespace. */
    public static final String NAMESPACE = "urn:xmpp:iot:control";
    /** Element name. */
    public static final String ELEMENT = "set";

    private final Tokens tokens;
    private final List<NodeRef> nodes;
    private final List<TypedParameter> parameters;
    private final DataForm form;

    private ControlSet(Builder b) {
        this.tokens = b.tokens;
        this.nodes = List.copyOf(b.nodes);
        this.parameters = List.copyOf(b.parameters);
        this.form = b.form;
    }

    /**
     * Starts building a {@code set}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the tokens (XEP-0325 §5.6 "Tokens"), {@link Tokens#NONE} if none */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the nodes addressed; empty for the device itself */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the typed parameters in document order */
    public List<TypedParameter> parameters() {
        return parameters;
    }

    /** @return the submitted control form ({@code x type='submit'}), if any */
    public Optional<DataForm> form() {
        return Optional.ofNullable(form);
    }

    /**
     * Writes the children (nodes, parameters, form) into an open element.
     *
     * @param xml a builder whose start tag is complete
     */
    public void appendChildren(XmlStringBuilder xml) {
        for (NodeRef n : nodes) {
            xml.halfOpenElement("node");
            IotXml.writeNodeRef(xml, n);
            xml.closeEmptyElement();
        }
        for (TypedParameter p : parameters) {
            xml.append(p.toXML(xml.getXmlEnvironment()));
        }
        if (form != null) {
            FormXml.writeForm(xml, form);
        }
    }

    /** @return whether there are no children */
    public boolean isEmpty() {
        return nodes.isEmpty() && parameters.isEmpty() && form == null;
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
        IotXml.writeTokens(xml, tokens);
        if (isEmpty()) {
            xml.closeEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        appendChildren(xml);
        xml.closeElement(this);
        return xml;
    }

    /** Builder of {@link ControlSet}. */
    public static final class Builder {
        private Tokens tokens = Tokens.NONE;
        private final List<NodeRef> nodes = new ArrayList<>();
        private final List<TypedParameter> parameters = new ArrayList<>();
        private DataForm form;

        private Builder() {}

        /**
         * Sets the tokens.
         *
         * @param tokens the tokens, null for none
         * @return this builder
         */
        public Builder tokens(Tokens tokens) {
            this.tokens = tokens == null ? Tokens.NONE : tokens;
            return this;
        }

        /**
         * Addresses a node behind the receiving JID.
         *
         * @param node the node
         * @return this builder
         */
        public Builder node(NodeRef node) {
            nodes.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        /**
         * Adds a typed parameter; parameters are applied in the order they are added.
         *
         * @param parameter the parameter
         * @return this builder
         */
        public Builder parameter(TypedParameter parameter) {
            parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /**
         * Adds a typed parameter.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder parameter(String name, Value value) {
            return parameter(TypedParameter.of(name, value));
        }

        /**
         * Sets the submitted control form.
         *
         * @param form a form of type {@code submit}
         * @return this builder
         * @throws IllegalArgumentException if the form is not of type {@code submit}
         */
        public Builder form(DataForm form) {
            if (form != null && form.getType() != DataForm.Type.submit) {
                throw new IllegalArgumentException(
                        "a control form is submitted with type='submit', not " + form.getType());
            }
            this.form = form;
            return this;
        }

        /**
         * Builds the element.
         *
         * @return the element
         */
        public ControlSet build() {
            return new ControlSet(this);
        }
    }
}
