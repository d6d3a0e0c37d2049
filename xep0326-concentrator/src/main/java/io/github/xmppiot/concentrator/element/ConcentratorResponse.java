package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.concentrator.internal.ResponseXml;
import io.github.xmppiot.core.value.BooleanValue;
import java.util.ArrayList;
import java.util.List;
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

    ConcentratorResponse(ConcentratorResponseBuilder b) {
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
    public static ConcentratorResponseBuilder builder(ConcentratorCommand command, ResultCode result) {
        return new ConcentratorResponseBuilder(command.responseElement(), result);
    }

    /**
     * Starts building a response by element name (for parsing, and for answering requests this SDK does not know).
     *
     * @param element the response element name
     * @param result  the response code, null when the attribute is absent
     * @return a builder
     */
    public static ConcentratorResponseBuilder builder(String element, ResultCode result) {
        return new ConcentratorResponseBuilder(element, result);
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
        return ResponseXml.write(xml, this);
    }
}
