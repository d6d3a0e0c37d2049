package io.github.xmppiot.examples.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code xmpp-iot} command-line program: devices, services and clients of the XMPP IoT extensions, and the demo.
 * Exit codes: 0 success, 1 a request failed or was refused, 2 malformed input, 3 cannot connect or log in.
 */
@Command(
        name = "xmpp-iot",
        mixinStandardHelpOptions = true,
        versionProvider = XmppIot.Version.class,
        description = "Devices, services and clients of the XMPP IoT extensions (XEP-0323/0324/0325/0326/0347).",
        subcommands = {
            DemoCommand.class,
            ThingCommand.class,
            HubCommand.class,
            ReadCommand.class,
            WatchCommand.class,
            SetCommand.class,
            FormCommand.class,
            NodesCommand.class,
            AddNodeCommand.class,
            RemoveNodeCommand.class,
            RegistryCommand.class,
            SearchCommand.class,
            ClaimCommand.class,
            RemoveCommand.class,
            RemoveCommand.Disown.class,
            ProvisioningCommand.class,
            NodeTypesCommand.class,
            FriendCommands.Befriend.class,
            FriendCommands.Accept.class,
            FriendCommands.Contacts.class,
            ConsoleCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 request failed, 2 malformed input, 3 cannot connect or log in."})
public final class XmppIot implements Runnable {

    /** Keeps Smack's logger configured (java.util.logging holds loggers weakly). */
    private static final Logger SMACK_LOGGER = Logger.getLogger("org.jivesoftware");

    private final Function<String, String> environment;

    @Spec
    private CommandSpec spec;

    private XmppIot(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Runs the program and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        boolean verbose = "1".equals(System.getenv("XMPP_IOT_DEBUG"));
        SMACK_LOGGER.setLevel(verbose ? Level.FINE : Level.OFF);
        int code = commandLine(
                        new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(), verbose)
                .execute(args);
        System.exit(code);
    }

    /**
     * Builds the command line with its error handling, for {@link #main} and for tests.
     *
     * @param out         standard output
     * @param err         standard error
     * @param environment the environment variables
     * @param verbose     whether errors include stack traces
     * @return the configured command line; call {@code execute(args)}
     */
    public static CommandLine commandLine(
            PrintWriter out, PrintWriter err, Map<String, String> environment, boolean verbose) {
        CommandLine cl = new CommandLine(new XmppIot(Map.copyOf(environment)::get));
        CliErrors errors = new CliErrors(verbose);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpOptions.addTo(cl);
        return cl;
    }

    /**
     * The environment of the running program, for commands and mixins.
     *
     * @param spec any command spec of this program
     * @return the environment lookup
     */
    static Function<String, String> environment(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof XmppIot x ? x.environment : System::getenv;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = XmppIot.class.getPackage().getImplementationVersion();
            return new String[] {"xmpp-iot " + (v != null ? v : "(development build)")};
        }
    }
}
