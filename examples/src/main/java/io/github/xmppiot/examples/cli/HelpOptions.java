package io.github.xmppiot.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command of the program {@code -h}/{@code --help}, so that {@code xmpp-iot thing --help} prints the
 * command's usage instead of complaining about its required options (picocli skips the checks of required options when
 * a usage-help option is given).
 */
final class HelpOptions {

    private HelpOptions() {}

    /**
     * Adds {@code -h}/{@code --help} to a command and all its subcommands that do not have one yet.
     *
     * @param commandLine the command line
     */
    static void addTo(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .order(1000)
                    .description("Show this help and exit.")
                    .build());
        }
        commandLine.getSubcommands().values().forEach(HelpOptions::addTo);
    }

    /**
     * The one-line summary of a command, as the top-level command list shows it.
     *
     * @param spec the command
     * @return its header, else the first line of its description
     */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0) {
            return header[0];
        }
        String[] description = spec.usageMessage().description();
        return description.length > 0 ? description[0] : "";
    }
}
