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
 * A command a node offers (XEP-0326 §3.12 "Node Commands"): simple (no parameters) or parameterized (a form built
 * from {@link NodeParameterSpec}s, validated before the action runs).
 *
 * @param command    the machine-readable command id
 * @param name       the human-readable name
 * @param parameters the parameters; empty for a simple command
 * @param action     runs the command on a node's Thing with the validated parameter values
 */
public record NodeCommandSpec(String command, String name, List<NodeParameterSpec> parameters, Action action) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a part is missing
     */
    public NodeCommandSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(action, "action");
    }

    /** @return the {@code command} element describing this command */
    public NodeCommand describe() {
        return NodeCommand.of(command, name, parameters.isEmpty() ? CommandType.SIMPLE : CommandType.PARAMETERIZED);
    }

    /** The action of a command. */
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
}
