package io.github.xmppiot.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code NAME=VALUE} arguments of {@code set} and {@code add-node}. */
final class Assignments {

    private Assignments() {}

    /**
     * Parses {@code name=value} arguments; the value may be empty or contain {@code =}.
     *
     * @param assignments the arguments
     * @return the values by name, in order
     * @throws CliException with {@link CliException#BAD_INPUT} if one has no {@code =} or no name, or a name repeats
     */
    static Map<String, String> parse(List<String> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0 || a.substring(0, eq).isBlank()) {
                throw CliException.badInput("malformed assignment '" + a + "': expected NAME=VALUE, e.g. Relay=true");
            }
            String name = a.substring(0, eq).strip();
            if (values.put(name, a.substring(eq + 1)) != null) {
                throw CliException.badInput("parameter " + name + " is given twice");
            }
        }
        return values;
    }
}
