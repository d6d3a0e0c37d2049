package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionBuilder;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The connection options every command has: account, password, server address, TLS and trust. The password comes
 * from {@code --password-file FILE} (its first line), else from the environment variable {@value #PASSWORD_ENV}, else
 * from a prompt on the console ({@code --password} without a value prompts too); it is never echoed or printed.
 * {@code --password VALUE} still works but shows the password in the process list and the shell history, so it prints
 * a warning; so does a password file that other users can read.
 */
public final class ConnectionOptions {

    /** Environment variable holding the password. */
    public static final String PASSWORD_ENV = "XMPP_PASSWORD";

    /** TLS modes of {@code --tls}. */
    public enum TlsMode {
        /** STARTTLS is required and the certificate verified (the default). */
        required,
        /** No TLS: everything, including the password exchange, crosses the network in clear text. */
        disabled
    }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--jid",
            required = true,
            paramLabel = "JID",
            order = 100,
            description = "Account to connect with, e.g. alice@example.org.")
    private String jid;

    @Option(
            names = "--password",
            arity = "0..1",
            interactive = true,
            paramLabel = "PASSWORD",
            order = 101,
            description = "Password; without a value it is prompted for. A value given here shows in the process"
                    + " list: prefer --password-file or " + PASSWORD_ENV + ". Default: --password-file, else"
                    + " environment variable " + PASSWORD_ENV + ", else a prompt.")
    private char[] password;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            order = 101,
            description = "Read the password from the first line of FILE (keep it owner-only: chmod 600).")
    private Path passwordFile;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            order = 102,
            description = "Server host name or address. Default: DNS lookup of the JID's domain.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", order = 103, description = "Server port. Default: 5222 or DNS.")
    private Integer port;

    @Option(
            names = "--tls",
            paramLabel = "MODE",
            defaultValue = "required",
            order = 104,
            description = "TLS: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private TlsMode tls;

    @Option(
            names = "--trust-cert",
            paramLabel = "FILE",
            order = 105,
            description = "Trust exactly the certificates of this PEM file (for a private or self-signed server).")
    private Path trustCert;

    @Option(
            names = "--allow-plain-sasl",
            order = 106,
            description = "Allow SASL PLAIN for servers without SCRAM (over TLS unless --tls disabled).")
    private boolean allowPlainSasl;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            order = 107,
            description = "Connect and reply timeout in seconds. Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds;

    @Option(
            names = "--resource",
            paramLabel = "RESOURCE",
            order = 108,
            description = "Resource of this connection. Default: 'thing' for thing, 'hub' for hub (so that bare"
                    + " JIDs find them), else chosen by the server.")
    private String resource;

    /** The resource used when {@code --resource} is not given; null lets the server choose. */
    private String defaultResource;

    /**
     * Sets the resource used when {@code --resource} is not given: devices use a stable one, so that clients given
     * their bare JID find them without seeing their presence ({@link Targets}).
     *
     * @param resource the resource
     * @return these options
     */
    public ConnectionOptions defaultResource(String resource) {
        this.defaultResource = resource;
        return this;
    }

    /** @return the timeout for connecting and for each answer */
    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** @return the account JID as given */
    public String jid() {
        return jid;
    }

    /**
     * Builds the connection configuration.
     *
     * @return the configuration
     * @throws CliException with {@link CliException#BAD_INPUT} if an option is malformed or the password is missing
     */
    public IotConnectionConfig config() {
        if (timeoutSeconds <= 0) {
            throw CliException.badInput("--timeout must be a positive number of seconds");
        }
        IotConnectionBuilder b = IotConnection.builder();
        try {
            b.jid(jid);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--jid '" + jid + "' is not a bare JID like alice@example.org");
        }
        if (host != null) {
            b.host(host);
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw CliException.badInput("--port must be between 1 and 65535");
            }
            b.port(port);
        }
        if (tls == TlsMode.disabled) {
            if (trustCert != null) {
                throw CliException.badInput("--trust-cert makes no sense with --tls disabled");
            }
            b.plaintext();
        } else if (trustCert != null) {
            if (!Files.isReadable(trustCert)) {
                throw CliException.badInput("cannot read --trust-cert file " + trustCert);
            }
            try {
                b.trustCertificate(trustCert);
            } catch (RuntimeException e) {
                throw CliException.badInput("--trust-cert " + trustCert + ": " + CliErrors.oneLine(e.getMessage()));
            }
        }
        if (allowPlainSasl) {
            b.allowPlainSasl();
        }
        if (resource != null || defaultResource != null) {
            b.resource(resource != null ? resource : defaultResource);
        }
        b.password(resolvePassword());
        return b.replyTimeout(timeout()).connectTimeout(timeout()).build();
    }

    private String resolvePassword() {
        if (password != null && password.length > 0) {
            if (passwordFile != null) {
                throw CliException.badInput("give either --password or --password-file, not both");
            }
            if (givenInline()) {
                warn("--password VALUE shows the password in the process list and the shell history; use"
                        + " --password-file FILE, the " + PASSWORD_ENV + " environment variable, or --password"
                        + " without a value to be prompted");
            }
            return new String(password);
        }
        if (passwordFile != null) {
            return PasswordFile.read(passwordFile, this::warn);
        }
        String fromEnv = XmppIot.environment(mixee).apply(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", jid);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        throw CliException.badInput(
                "no password: use --password-file FILE, set " + PASSWORD_ENV + ", or run on a console to be prompted");
    }

    /** Whether the password was typed on the command line (not prompted for by {@code --password} alone). */
    private boolean givenInline() {
        List<String> args = mixee.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--password=")) {
                return true;
            }
            if (a.equals("--password")
                    && i + 1 < args.size()
                    && !args.get(i + 1).startsWith("-")) {
                return true;
            }
        }
        return false;
    }

    private void warn(String message) {
        mixee.commandLine().getErr().println(mixee.qualifiedName() + ": warning: " + message);
    }
}
