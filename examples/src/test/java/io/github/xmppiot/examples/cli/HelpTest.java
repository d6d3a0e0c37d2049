package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command answers {@code --help} and {@code -h} (whatever its required options), the top-level list gives each
 * command a whole one-line summary, and usage errors point to a help that works.
 */
class HelpTest {

    static Stream<String> commands() {
        CommandLine cl = XmppIot.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), false);
        return cl.getSubcommands().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersHelpAndH(String command) {
        for (String help : List.of("--help", "-h")) {
            Cli.Result r = Cli.run(command, help);
            assertThat(r.exitCode()).as(command + " " + help + ": " + r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("Usage: xmpp-iot " + command).contains("-h, --help");
        }
        Cli.Result viaHelp = Cli.run("help", command);
        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaHelp.out()).contains("Usage: xmpp-iot " + command);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasAWholeOneLineSummary(String command) {
        CommandLine cl = XmppIot.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), false);
        String summary = HelpOptions.summary(cl.getSubcommands().get(command).getCommandSpec());
        assertThat(summary).as(command).endsWith(".").doesNotContain("\n");
        assertThat(summary.length()).as(command + ": " + summary).isLessThanOrEqualTo(60);
        Cli.Result top = Cli.run("--help");
        assertThat(top.out()).as("the top-level list").contains(summary);
    }

    @Test
    void usageErrorsPointToAHelpThatWorks() {
        Cli.Result r = Cli.run("thing");
        assertThat(r.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("--jid").contains("'xmpp-iot thing --help'");
        assertThat(Cli.run("thing", "--help").exitCode()).isZero();
        Cli.Result none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(none.errLines())
                .singleElement()
                .asString()
                .contains("missing command")
                .contains("'xmpp-iot --help'");
    }
}
