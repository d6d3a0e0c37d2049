package io.github.xmppiot.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the xmpp-iot command line in-process and captures its output, for tests. */
final class Cli {

    /**
     * The outcome of one run.
     *
     * @param exitCode the exit code
     * @param out      standard output
     * @param err      standard error
     */
    record Result(int exitCode, String out, String err) {
        /** @return the lines of standard error */
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private Cli() {}

    /**
     * Runs a command line with an empty environment.
     *
     * @param args the arguments
     * @return the result
     */
    static Result run(String... args) {
        return run(Map.of(), null, args);
    }

    /**
     * Runs a command line.
     *
     * @param env   the environment variables
     * @param extra an extra subcommand to add (name and object), or null
     * @param args  the arguments
     * @return the result
     */
    static Result run(Map<String, String> env, Object extra, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = XmppIot.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env, false);
        if (extra != null) {
            cl.addSubcommand(extra);
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
            cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
            cl.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        }
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * The connection options for an account of a Prosody test server.
     *
     * @param server the server
     * @param user   the local part; the account is created
     * @return the options
     */
    static List<String> account(io.github.xmppiot.testkit.ProsodyServer server, String user) {
        server.ensureAccount(user);
        List<String> a = new ArrayList<>(List.of(
                "--jid",
                server.jid(user).toString(),
                "--password-file",
                passwordFile(server.password(user)).toString(),
                "--host",
                io.github.xmppiot.testkit.ProsodyServer.HOST,
                "--port",
                String.valueOf(server.port())));
        server.certificate().ifPresent(c -> a.addAll(List.of("--trust-cert", c.toString())));
        if (!server.tls()) {
            a.addAll(List.of("--tls", "disabled"));
        }
        return a;
    }

    /**
     * Concatenates argument lists.
     *
     * @param parts lists or single strings
     * @return the arguments
     */
    static String[] args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> l) {
                l.forEach(o -> all.add(String.valueOf(o)));
            } else {
                all.add(String.valueOf(p));
            }
        }
        return all.toArray(String[]::new);
    }

    /**
     * Writes a password to an owner-only temporary file, as {@code --password-file} expects it.
     *
     * @param password the password
     * @return the file (deleted when the JVM exits)
     */
    static java.nio.file.Path passwordFile(String password) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile(
                    "xmpp-iot-password",
                    ".txt",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            java.nio.file.Files.writeString(f, password + "\n");
            f.toFile().deleteOnExit();
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
