package io.github.xmppiot.examples.cli;

import io.github.xmppiot.console.Console;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot console}: logs in and serves the browser console (docs/console.md) on 127.0.0.1 until interrupted.
 */
@Command(
        name = "console",
        sortOptions = false,
        header = "Opens a browser console: values, control, hub.",
        description = {
            "Logs in and starts a web console on 127.0.0.1 (a free port unless --http-port), then prints a link carrying a",
            "one-time token: open it in a browser on this machine. Devices: contacts, presence, friendship. Device: live",
            "values, a chart per numeric field, the control form. Hub: the node tree, add/edit/remove/read nodes. Registry:",
            "search, claim, remove, disown. The console is a client: devices stay behind the XMPP server; the password",
            "never reaches the browser. Keeps working across reconnects (the page says so); Ctrl-C stops it."
        })
final class ConsoleCommand implements Callable<Integer> {

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "Port of the web console. Default: a free port.")
    private int httpPort;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address the web console listens on. Default: ${DEFAULT-VALUE}. Another address exposes"
                    + " the console (and your account) to that network: a warning is printed.")
    private String bind;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Seconds between live read-outs of an open device. Default: ${DEFAULT-VALUE}.")
    private double interval;

    @Mixin
    private RegistryAddress registry;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (httpPort < 0 || httpPort > 65535) {
            throw CliException.badInput("--http-port must be between 0 and 65535");
        }
        if (!(interval >= 0.2 && interval <= 3600)) {
            throw CliException.badInput("--interval must be between 0.2 and 3600 seconds");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliException.badInput("--bind '" + bind + "' is not an address of this machine");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!address.isLoopbackAddress()) {
            spec.commandLine()
                    .getErr()
                    .println("console: warning: --bind " + bind + " makes the console reachable"
                            + " from other machines; whoever gets the link acts as " + connection.jid()
                            + " (plain HTTP, no"
                            + " TLS): prefer the default 127.0.0.1 with an SSH tunnel");
            spec.commandLine().getErr().flush();
        }
        Console.Options options = new Console.Options(
                address,
                httpPort,
                connection.timeout(),
                Duration.ofMillis(Math.round(interval * 1000)),
                registry.jid());
        try (Session s = Session.open(connection, spec.commandLine().getErr());
                Console console = startConsole(s, options)) {
            out.println("console of " + s.connection().getUser() + " ready; open this link in a browser on this"
                    + " machine (it works once):");
            out.println("  " + console.url());
            out.println("Ctrl-C stops the console");
            out.flush();
            return ConnectionEvents.watch(s.connection(), out).awaitStop();
        }
    }

    private Console startConsole(Session s, Console.Options options) {
        try {
            return Console.start(s.connection(), options);
        } catch (java.io.IOException e) {
            throw new CliException(
                    CliException.FAILED,
                    "cannot listen on " + options.bind().getHostAddress() + ":"
                            + options.port() + " (" + CliErrors.oneLine(String.valueOf(e.getMessage()))
                            + "): choose another"
                            + " --http-port, or leave it out for a free one",
                    e);
        }
    }
}
