package io.github.xmppiot.concentrator.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Builder of a {@link ConcentratorResponse} (XEP-0326 §3 "Response codes"), from
 * {@link ConcentratorResponse#builder(ConcentratorCommand, ResultCode)}.
 *
 * @since 0.1.0
 */
public final class ConcentratorResponseBuilder {
    final String element;
    final ResultCode result;
    String errorText;
    final List<String> values = new ArrayList<>();
    String text;
    NodeInformation node;
    final List<NodeInformation> nodes = new ArrayList<>();
    final List<DataSource> dataSources = new ArrayList<>();
    List<String> baseClasses;
    List<String> interfaces;
    final List<ParameterError> errors = new ArrayList<>();
    DataForm form;
    final List<AddableNodeType> nodeTypes = new ArrayList<>();
    final List<NodeCommand> commands = new ArrayList<>();
    String queryId;
    final List<NodeResult> nodeResults = new ArrayList<>();
    final List<Database> databases = new ArrayList<>();

    ConcentratorResponseBuilder(String element, ResultCode result) {
        this.element = Objects.requireNonNull(element, "element");
        this.result = result;
    }

    /**
     * Sets the human-readable text of the {@code <error/>} sent with a failure code.
     *
     * @param t the text
     * @return this builder
     */
    public ConcentratorResponseBuilder errorText(String t) {
        errorText = t;
        return this;
    }

    /**
     * Adds {@code value} children.
     *
     * @param v the values
     * @return this builder
     */
    public ConcentratorResponseBuilder values(List<String> v) {
        values.addAll(v);
        return this;
    }

    /**
     * Adds a {@code value} child.
     *
     * @param v the value
     * @return this builder
     */
    public ConcentratorResponseBuilder value(String v) {
        values.add(Objects.requireNonNull(v));
        return this;
    }

    /**
     * Sets the text content.
     *
     * @param t the text
     * @return this builder
     */
    public ConcentratorResponseBuilder text(String t) {
        text = t;
        return this;
    }

    /**
     * Sets the node described on the response element itself.
     *
     * @param n the node
     * @return this builder
     */
    public ConcentratorResponseBuilder node(NodeInformation n) {
        node = n;
        return this;
    }

    /**
     * Adds {@code node} children.
     *
     * @param n the nodes
     * @return this builder
     */
    public ConcentratorResponseBuilder nodes(List<NodeInformation> n) {
        nodes.addAll(n);
        return this;
    }

    /**
     * Adds a {@code dataSource} child.
     *
     * @param d the data source
     * @return this builder
     */
    public ConcentratorResponseBuilder dataSource(DataSource d) {
        dataSources.add(Objects.requireNonNull(d));
        return this;
    }

    /**
     * Sets the {@code baseClasses} values.
     *
     * @param v the values
     * @return this builder
     */
    public ConcentratorResponseBuilder baseClasses(List<String> v) {
        baseClasses = v;
        return this;
    }

    /**
     * Sets the {@code interfaces} values.
     *
     * @param v the values, null to omit the element
     * @return this builder
     */
    public ConcentratorResponseBuilder interfaces(List<String> v) {
        interfaces = v;
        return this;
    }

    /**
     * Adds per-field errors.
     *
     * @param e the errors
     * @return this builder
     */
    public ConcentratorResponseBuilder errors(List<ParameterError> e) {
        errors.addAll(e);
        return this;
    }

    /**
     * Sets the data form.
     *
     * @param f the form
     * @return this builder
     */
    public ConcentratorResponseBuilder form(DataForm f) {
        form = f;
        return this;
    }

    /**
     * Adds a {@code nodeType} child.
     *
     * @param t the node type
     * @return this builder
     */
    public ConcentratorResponseBuilder nodeType(AddableNodeType t) {
        nodeTypes.add(Objects.requireNonNull(t));
        return this;
    }

    /**
     * Adds a {@code command} child.
     *
     * @param c the command
     * @return this builder
     */
    public ConcentratorResponseBuilder command(NodeCommand c) {
        commands.add(Objects.requireNonNull(c));
        return this;
    }

    /**
     * Sets the {@code queryId}.
     *
     * @param q the query id
     * @return this builder
     */
    public ConcentratorResponseBuilder queryId(String q) {
        queryId = q;
        return this;
    }

    /**
     * Adds a per-node {@code result} child.
     *
     * @param r the result
     * @return this builder
     */
    public ConcentratorResponseBuilder nodeResult(NodeResult r) {
        nodeResults.add(Objects.requireNonNull(r));
        return this;
    }

    /**
     * Adds a {@code database} child.
     *
     * @param d the database
     * @return this builder
     */
    public ConcentratorResponseBuilder database(Database d) {
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
