package io.github.xmppiot.examples.cli;

import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot search}: searches claimed public Things by meta tags (XEP-0347 §3.15). */
@Command(
        name = "search",
        sortOptions = false,
        header = "Searches a thing registry for public Things (XEP-0347).",
        description = {
            "Searches a thing registry for public Things (XEP-0347). Every condition must hold:",
            "  NAME=VALUE  NAME!=VALUE  NAME<VALUE  NAME<=VALUE  NAME>VALUE  NAME>=VALUE  (numeric if VALUE is a number,",
            "  string otherwise; quote the argument in the shell), NAME~MASK (MASK with * wildcards)."
        })
final class SearchCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("jid", "node", "owner", "tags");

    private static final Pattern CONDITION = Pattern.compile("([^=!<>~\\s]+)(=|!=|<=|>=|<|>|~)(.*)");

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "CONDITION", description = "Conditions on meta tags.")
    private List<String> conditions;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Results to skip.")
    private int offset;

    @Option(names = "--max", paramLabel = "N", description = "Most results wanted. Default: the registry's page.")
    private Integer max;

    @Mixin
    private RegistryAddress registry;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SearchOperator> operators = new ArrayList<>();
        for (String c : conditions) {
            operators.add(parse(c));
        }
        if (offset < 0 || (max != null && max < 1)) {
            throw CliException.badInput("--offset must be at least 0 and --max at least 1");
        }
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            s.progress().step("searching ...");
            SearchResult result =
                    Targets.await(registry.owner(s.connection()).search(operators, offset, max), s.timeout());
            s.progress().clear();
            List<List<Object>> rows = new ArrayList<>();
            for (FoundThing t : result.things()) {
                rows.add(List.of(
                        t.jid().toString(),
                        t.nodeRef().map(n -> n.nodeId()).orElse(""),
                        t.owner() == null ? "" : t.owner().toString(),
                        t.tags().stream()
                                .map(tag -> tag.name() + "=" + tag.lexicalValue())
                                .collect(Collectors.joining(" "))));
            }
            output.rows(spec.commandLine().getOut(), COLUMNS, rows);
            if (result.more() && !output.json()) {
                spec.commandLine().getOut().println("(more results: use --offset " + (offset + rows.size()) + ")");
            }
            return 0;
        }
    }

    /**
     * Parses one condition.
     *
     * @param text for example {@code MAN=acme.example} or {@code SN~39*}
     * @return the search operator
     * @throws CliException with {@link CliException#BAD_INPUT} if malformed
     */
    static SearchOperator parse(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw CliException.badInput(
                    "malformed condition '" + text + "': expected NAME=VALUE, NAME>=VALUE," + " NAME~MASK, ...");
        }
        String name = m.group(1);
        String op = m.group(2);
        String value = m.group(3);
        try {
            if (op.equals("~")) {
                return new StringMask(name, value, "*");
            }
            Comparison cmp = switch (op) {
                case "=" -> Comparison.EQ;
                case "!=" -> Comparison.NEQ;
                case "<" -> Comparison.LT;
                case "<=" -> Comparison.LTEQ;
                case ">" -> Comparison.GT;
                default -> Comparison.GTEQ;
            };
            return isNumber(value) ? new NumericComparison(cmp, name, value) : new StringComparison(cmp, name, value);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("condition '" + text + "': " + CliErrors.oneLine(e.getMessage()));
        }
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
