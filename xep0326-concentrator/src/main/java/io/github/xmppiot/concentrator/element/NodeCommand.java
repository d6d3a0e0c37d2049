package io.github.xmppiot.concentrator.element;

import java.util.Objects;

/**
 * A command a node offers, element {@code command} of {@code getNodeCommandsResponse} (XEP-0326 §3.12 "Node Commands",
 * "Command attributes"). Clients sort by {@code sortCategory}, {@code sortKey}, {@code name} and show
 * {@code confirmationString} before executing.
 *
 * @param command            the machine-readable command id
 * @param name               the human-readable name
 * @param type               simple, parameterized or query
 * @param sortCategory       optional sort category, may be null
 * @param sortKey            optional sort key within the category, may be null
 * @param confirmationString optional question to confirm before executing, may be null
 * @param failureString      optional text to show on failure, may be null
 * @param successString      optional text to show on success, may be null
 * @since 0.1.0
 */
public record NodeCommand(
        String command,
        String name,
        CommandType type,
        String sortCategory,
        String sortKey,
        String confirmationString,
        String failureString,
        String successString) {

    /**
     * Validates the command.
     *
     * @throws NullPointerException if command, name or type is missing
     */
    public NodeCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A command with only the required attributes.
     *
     * @param command the command id
     * @param name    the name
     * @param type    the type
     * @return the command
     */
    public static NodeCommand of(String command, String name, CommandType type) {
        return new NodeCommand(command, name, type, null, null, null, null, null);
    }
}
