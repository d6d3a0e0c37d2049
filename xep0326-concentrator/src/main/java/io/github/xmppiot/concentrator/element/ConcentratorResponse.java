package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.concentrator.internal.NodeXml;
import io.github.xmppiot.core.value.BooleanValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Any XEP-0326 response, element {@code <command>Response} with its {@code result} code (XEP-0326 §3 "Response
 * codes"). The content parts the responses share are held in typed lists; each response uses the parts its XSD type
 * defines (for example {@code value}s for {@code getCapabilitiesResponse}, {@code node}s for
 * {@code getAllNodesResponse}, a form for {@code getNodeParametersForEditResponse}, {@code error var} children for a
 * {@code FormError}).
 *
 * <p>Wire form chosen by this SDK (CHECKLIST §9.4): a response with {@link ResultCode#OK} is an {@code iq type='result'};
 * any other code is an {@code iq type='error'} carrying this element <em>and</em> an RFC 6120 {@code <error/>} with
 * {@link ResultCode#condition()}, so generic XMPP clients see a proper error and XEP-0326 clients still read the code
 * and the per-field errors. On input, failures are accepted in either IQ type, with or without {@code <error/>}.
 *
 * @since 0.1.0
 */
public final class ConcentratorResponse extends IQ {

    private final String element;
    private final ResultCode result;
    private final List<String> values;
    private final String text;
    private final NodeInformation node;
    private final List<NodeInformation> nodes;
    private final List<DataSource> dataSources;
    private final List<String> baseClasses;
    private final List<String> interfaces;
    private final List<ParameterError> errors;
    private final DataForm form;
    private final List<AddableNodeType> nodeTypes;
    private final List<NodeCommand> commands;
    private final String queryId;
    private final List<NodeResult> nodeResults;
    private final List<Database> databases;

    private ConcentratorResponse(Builder b) {
        super(b.element, ConcentratorRequest.NAMESPACE);
        this.element = b.element;
        this.result = b.result;
        this.values = List.copyOf(b.values);
        this.text = b.text;
        this.node = b.node;
        this.nodes = List.copyOf(b.nodes);
        this.dataSources = List.copyOf(b.dataSources);
        this.baseClasses = b.baseClasses == null ? null : List.copyOf(b.baseClasses);
        this.interfaces = b.interfaces == null ? null : List.copyOf(b.interfaces);
        this.errors = List.copyOf(b.errors);
        this.form = b.form;
        this.nodeTypes = List.copyOf(b.nodeTypes);
        this.commands = List.copyOf(b.commands);
        this.queryId = b.queryId;
        this.nodeResults = List.copyOf(b.nodeResults);
        this.databases = List.copyOf(b.databases);
        if (result != null && !result.isOk()) {
            setType(Type.error);
            setError(StanzaError.getBuilder(result.condition())
                    .setType(result.errorType())
                    .setDescriptiveEnText(b.errorText != null ? b.errorText : result.xmlValue())
                    .build());
        } else {
            setType(Type.result);
        }
    }

    /**
     * Starts building the response to a command.
     *
     * @param command the command answered
     * @param result  the response code
     * @return a builder
     */
    public static Builder builder(ConcentratorCommand command, ResultCode result) {
        return new Builder(command.responseElement(), result);
    }

    /**
     * Starts building a response by element name (for parsing, and for answering requests this SDK does not know).
     *
     * @param element the response element name
     * @param result  the response code, null when the attribute is absent
     * @return a builder
     */
    public static Builder builder(String element, ResultCode result) {
        return new Builder(element, result);
    }

    /** @return the response element name */
    public String element() {
        return element;
    }

    /** @return the command answered, empty if the element is not one XEP-0326 defines */
    public Optional<ConcentratorCommand> command() {
        return ConcentratorCommand.fromResponseElement(element);
    }

    /**
     * The response code. Some XEP-0326 responses lack {@code result} in the XSD (CHECKLIST §9.4.3); an absent code
     * counts as {@link ResultCode#OK} in an IQ result and {@link ResultCode#OTHER_ERROR} in an IQ error.
     *
     * @return the code
     */
    public ResultCode result() {
        if (result != null) {
            return result;
        }
        return getType() == Type.error ? ResultCode.OTHER_ERROR : ResultCode.OK;
    }

    /** @return the {@code result} attribute as sent, empty if absent */
    public Optional<ResultCode> resultAttribute() {
        return Optional.ofNullable(result);
    }

    /** @return the {@code value} children (capabilities, indices, index values, or booleans of containsNodes) */
    public List<String> values() {
        return values;
    }

    /**
     * The {@code value} children as xs:booleans ({@code containsNodesResponse}).
     *
     * @return the booleans
     * @throws IllegalArgumentException if a value is not an xs:boolean
     */
    public List<Boolean> booleans() {
        List<Boolean> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(BooleanValue.parseBoolean(v));
        }
        return out;
    }

    /** @return the text content ({@code containsNodeResponse}), empty if none */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** @return the node described on the response element itself ({@code getNodeResponse}), empty if none */
    public Optional<NodeInformation> node() {
        return Optional.ofNullable(node);
    }

    /** @return the {@code node} children */
    public List<NodeInformation> nodes() {
        return nodes;
    }

    /** @return the {@code dataSource} children */
    public List<DataSource> dataSources() {
        return dataSources;
    }

    /** @return the {@code baseClasses} values, empty if the element is absent */
    public Optional<List<String>> baseClasses() {
        return Optional.ofNullable(baseClasses);
    }

    /** @return the {@code interfaces} values, empty if the element is absent */
    public Optional<List<String>> interfaces() {
        return Optional.ofNullable(interfaces);
    }

    /** @return the per-field {@code error var} children */
    public List<ParameterError> errors() {
        return errors;
    }

    /** @return the data form, empty if none */
    public Optional<DataForm> form() {
        return Optional.ofNullable(form);
    }

    /** @return the {@code nodeType} children */
    public List<AddableNodeType> nodeTypes() {
        return nodeTypes;
    }

    /** @return the {@code command} children */
    public List<NodeCommand> commands() {
        return commands;
    }

    /** @return the {@code queryId} of a query response, empty if none */
    public Optional<String> queryId() {
        return Optional.ofNullable(queryId);
    }

    /** @return the per-node {@code result} children of a batch command */
    public List<NodeResult> nodeResults() {
        return nodeResults;
    }

    /** @return the {@code database} children */
    public List<Database> databases() {
        return databases;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (result != null) {
            xml.attribute("result", result.xmlValue());
        }
        xml.optAttribute("queryId", queryId);
        if (node != null) {
            NodeXml.writeAttributes(xml, node);
        }
        xml.rightAngleBracket();
        if (text != null) {
            xml.escape(text);
        }
        if (node != null) {
            NodeXml.writeChildren(xml, node);
        }
        for (String v : values) {
            xml.element("value", v);
        }
        for (DataSource d : dataSources) {
            xml.halfOpenElement("dataSource")
                    .attribute("sourceId", d.sourceId())
                    .attribute("name", d.name());
            if (d.hasChildren() != null) {
                xml.attribute("hasChildren", d.hasChildren().booleanValue());
            }
            if (d.lastChanged() != null) {
                xml.attribute("lastChanged", d.lastChanged().lexical());
            }
            xml.closeEmptyElement();
        }
        for (NodeInformation n : nodes) {
            NodeXml.writeNode(xml, "node", n);
        }
        writeValues(xml, "baseClasses", baseClasses);
        writeValues(xml, "interfaces", interfaces);
        for (ParameterError e : errors) {
            xml.halfOpenElement("error")
                    .attribute("var", e.var())
                    .rightAngleBracket()
                    .escape(e.message())
                    .closeElement("error");
        }
        if (form != null) {
            xml.append(form);
        }
        for (AddableNodeType t : nodeTypes) {
            xml.halfOpenElement("nodeType")
                    .attribute("type", t.type())
                    .attribute("name", t.name())
                    .closeEmptyElement();
        }
        for (NodeCommand c : commands) {
            xml.halfOpenElement("command")
                    .attribute("command", c.command())
                    .attribute("name", c.name())
                    .attribute("type", c.type().xmlValue())
                    .optAttribute("sortCategory", c.sortCategory())
                    .optAttribute("sortKey", c.sortKey())
                    .optAttribute("confirmationString", c.confirmationString())
                    .optAttribute("failureString", c.failureString())
                    .optAttribute("successString", c.successString())
                    .closeEmptyElement();
        }
        for (NodeResult r : nodeResults) {
            xml.halfOpenElement("result")
                    .optAttribute("error", r.error())
                    .rightAngleBracket()
                    .append(Boolean.toString(r.success()))
                    .closeElement("result");
        }
        for (Database d : databases) {
            xml.halfOpenElement("database")
                    .attribute("databaseId", d.databaseId())
                    .optAttribute("name", d.name())
                    .closeEmptyElement();
        }
        return xml;
    }

    private static void writeValues(IQChildElementXmlStringBuilder xml, String element, List<String> list) {
        if (list == null) {
            return;
        }
        if (list.isEmpty()) {
            xml.emptyElement(element);
            return;
        }
        xml.openElement(element);
        for (String v : list) {
            xml.element("value", v);
        }
        xml.closeElement(element);
    }

    /** Builder of {@link ConcentratorResponse}. */
    public static final class Builder {
        private final String element;
        private final ResultCode result;
        private String errorText;
        private final List<String> values = new ArrayList<>();
        private String text;
        private NodeInformation node;
        private final List<NodeInformation> nodes = new ArrayList<>();
        private final List<DataSource> dataSources = new ArrayList<>();
        private List<String> baseClasses;
        private List<String> interfaces;
        private final List<ParameterError> errors = new ArrayList<>();
        private DataForm form;
        private final List<AddableNodeType> nodeTypes = new ArrayList<>();
        private final List<NodeCommand> commands = new ArrayList<>();
        private String queryId;
        private final List<NodeResult> nodeResults = new ArrayList<>();
        private final List<Database> databases = new ArrayList<>();

        private Builder(String element, ResultCode result) {
            this.element = Objects.requireNonNull(element, "element");
            this.result = result;
        }

        /**
         * Sets the human-readable text of the {@code <error/>} sent with a failure code.
         *
         * @param t the text
         * @return this builder
         */
        public Builder errorText(String t) {
            errorText = t;
            return this;
        }

        /**
         * Adds {@code value} children.
         *
         * @param v the values
         * @return this builder
         */
        public Builder values(List<String> v) {
            values.addAll(v);
            return this;
        }

        /**
         * Adds a {@code value} child.
         *
         * @param v the value
         * @return this builder
         */
        public Builder value(String v) {
            values.add(Objects.requireNonNull(v));
            return this;
        }

        /**
         * Sets the text content.
         *
         * @param t the text
         * @return this builder
         */
        public Builder text(String t) {
            text = t;
            return this;
        }

        /**
         * Sets the node described on the response element itself.
         *
         * @param n the node
         * @return this builder
         */
        public Builder node(NodeInformation n) {
            node = n;
            return this;
        }

        /**
         * Adds {@code node} children.
         *
         * @param n the nodes
         * @return this builder
         */
        public Builder nodes(List<NodeInformation> n) {
            nodes.addAll(n);
            return this;
        }

        /**
         * Adds a {@code dataSource} child.
         *
         * @param d the data source
         * @return this builder
         */
        public Builder dataSource(DataSource d) {
            dataSources.add(Objects.requireNonNull(d));
            return this;
        }

        /**
         * Sets the {@code baseClasses} values.
         *
         * @param v the values
         * @return this builder
         */
        public Builder baseClasses(List<String> v) {
            baseClasses = v;
            return this;
        }

        /**
         * Sets the {@code interfaces} values.
         *
         * @param v the values, null to omit the element
         * @return this builder
         */
        public Builder interfaces(List<String> v) {
            interfaces = v;
            return this;
        }

        /**
         * Adds per-field errors.
         *
         * @param e the errors
         * @return this builder
         */
        public Builder errors(List<ParameterError> e) {
            errors.addAll(e);
            return this;
        }

        /**
         * Sets the data form.
         *
         * @param f the form
         * @return this builder
         */
        public Builder form(DataForm f) {
            form = f;
            return this;
        }

        /**
         * Adds a {@code nodeType} child.
         *
         * @param t the node type
         * @return this builder
         */
        public Builder nodeType(AddableNodeType t) {
            nodeTypes.add(Objects.requireNonNull(t));
            return this;
        }

        /**
         * Adds a {@code command} child.
         *
         * @param c the command
         * @return this builder
         */
        public Builder command(NodeCommand c) {
            commands.add(Objects.requireNonNull(c));
            return this;
        }

        /**
         * Sets the {@code queryId}.
         *
         * @param q the query id
         * @return this builder
         */
        public Builder queryId(String q) {
            queryId = q;
            return this;
        }

        /**
         * Adds a per-node {@code result} child.
         *
         * @param r the result
         * @return this builder
         */
        public Builder nodeResult(NodeResult r) {
            nodeResults.add(Objects.requireNonNull(r));
            return this;
        }

        /**
         * Adds a {@code database} child.
         *
         * @param d the database
         * @return this builder
         */
        public Builder database(Database d) {
            databases.add(Objects.requireNonNull(d));
            return this;
        }

        /**
         * Builds the response.
         *
         * @return the response
         */
        public ConcentratorResponse build() {
            return new ConcentratorResponse(this);
        }
    }
}
