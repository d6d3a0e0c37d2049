package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.CommandType;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A command a node offers (XEP-0326 §3.12 "Node Commands", CHECKLIST 326-13): simple (no parameters), parameterized
 * (a form built from {@link NodeParameterSpec}s, validated before the action runs) or a query (same form, results
 * reported asynchronously in {@code queryProgress} messages through a {@link QueryContext}, abortable).
 *
 * @param command    the machine-readable command id
 * @param name       the human-readable name
 * @param parameters the parameters; empty for a simple command or a parameterless query
 * @param action     runs a simple or parameterized command; null for a query
 * @param query      runs a query; null for a simple or parameterized command
 * @since 0.1.0
 */
public record NodeCommandSpec(
        String command, String name, List<NodeParameterSpec> parameters, Action action, QueryAction query) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if the command, its name or the parameter list is missing
     * @throws IllegalArgumentException unless exactly one of {@code action} and {@code query} is given
     */
    public NodeCommandSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        if ((action == null) == (query == null)) {
            throw new IllegalArgumentException("a command has either an action or a query: " + command);
        }
    }

    /**
     * A simple or parameterized command (XEP-0326 §3.12 "Execute Node Command").
     *
     * @param command    the machine-readable command id
     * @param name       the human-readable name
     * @param parameters the parameters; empty for a simple command
     * @param action     runs the command
     */
    public NodeCommandSpec(String command, String name, List<NodeParameterSpec> parameters, Action action) {
        this(command, name, parameters, Objects.requireNonNull(action, "action"), null);
    }

    /**
     * A query (XEP-0326 §3.12 "Execute Node Query").
     *
     * @param command    the machine-readable command id
     * @param name       the human-readable name
     * @param parameters the query parameters; may be empty
     * @param query      produces the results
     * @return the command
     */
    public static NodeCommandSpec query(
            String command, String name, List<NodeParameterSpec> parameters, QueryAction query) {
        return new NodeCommandSpec(command, name, parameters, null, Objects.requireNonNull(query, "query"));
    }

    /** @return whether this command is a query */
    public boolean isQuery() {
        return query != null;
    }

    /** @return the {@code command} element describing this command */
    public NodeCommand describe() {
        CommandType type =
                isQuery() ? CommandType.QUERY : parameters.isEmpty() ? CommandType.SIMPLE : CommandType.PARAMETERIZED;
        return NodeCommand.of(command, name, type);
    }

    /** The action of a simple or parameterized command. */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs the command.
         *
         * @param thing      the node's Thing
         * @param parameters the validated parameter values
         * @return completes when done; failing yields {@code OtherError}
         */
        CompletionStage<Void> execute(Thing thing, Map<String, Value> parameters);
    }

    /** The body of a query (XEP-0326 §3.12 "Execute Node Query"). */
    @FunctionalInterface
    public interface QueryAction {
        /**
         * Runs the query. Called on a concentrator thread after {@code queryStarted} was sent; may block. Results go
         * to {@code context}; a query should stop early once {@link QueryContext#isAborted()} is true.
         *
         * @param thing      the node's Thing
         * @param parameters the validated parameter values
         * @param context    where the results go
         * @return completes when the query is done ({@code queryDone} is then sent); failing sends a
         *         {@code queryMessage type='Exception'} before {@code queryDone}
         */
        CompletionStage<Void> run(Thing thing, Map<String, Value> parameters, QueryContext context);
    }
}
