package io.github.xmppiot.testkit;

import io.github.xmppiot.testkit.internal.EjabberdInstance;
import io.github.xmppiot.testkit.internal.Executables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real ejabberd XMPP server (the Debian/Ubuntu {@code ejabberd} package) for tests, in its own temporary directory on
 * a free loopback port, as a second server beside {@link ProsodyServer}. Use it through {@link EjabberdTest} in JUnit,
 * or directly:
 *
 * {@code try (EjabberdServer server = EjabberdServer.start()) { XMPPTCPConnection alice = server.connect("alice"); }}
 *
 * <p>The server requires STARTTLS with the cached self-signed test certificate, offers SCRAM-SHA-1 (Smack 4.4 has no
 * SCRAM-SHA-256), stream management (XEP-0198), in-band registration and a pubsub service at {@code pubsub.<domain>},
 * applies no traffic shaper and sets {@code TCP_NODELAY} on accepted sockets. Starting takes several seconds (the
 * Erlang VM and Mnesia), so start one server per test class. Accounts, connections, {@link #restart()} and
 * {@link #kill()} are those of {@link XmppTestServerBase} (the Mnesia spool keeps accounts and rosters across both).
 * The methods are thread-safe.
 */
public final class EjabberdServer extends XmppTestServerBase {

    /** The XMPP domain of the test server. */
    public static final String DOMAIN = "localhost";
    /** System property naming the {@code ejabberdctl} script whose {@code ERL_LIBS} is used. */
    public static final String EJABBERDCTL_PROPERTY = "xmpp.it.ejabberdctl";
    /** How long the kit waits for ejabberd to listen. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final String INSTALL_HINT = "The ejabberd integration tests (*IT) run a real ejabberd. Install it"
            + " with: sudo apt-get install -y ejabberd   (Debian/Ubuntu; or run scripts/test-deps.sh). Or skip these"
            + " tests explicitly with -D" + ProsodyExtension.SKIP_PROPERTY + "=true.";

    private EjabberdServer(EjabberdInstance instance) {
        super(instance, DOMAIN);
    }

    /**
     * Starts a server for domain {@value #DOMAIN}, with ejabberd found as described in {@link #ejabberdLibraries()}.
     *
     * @return the running server
     * @throws EjabberdNotInstalledException if ejabberd, Erlang or openssl is missing
     */
    public static EjabberdServer start() {
        return start("info");
    }

    /**
     * Starts a server with STARTTLS required and the given log level.
     *
     * @param logLevel ejabberd's log level: {@code info} (the default) or {@code debug}, which logs every stanza
     * @return the running server
     */
    public static EjabberdServer start(String logLevel) {
        return start(logLevel, true);
    }

    /**
     * Starts a server for domain {@value #DOMAIN}, with STARTTLS required or, for benchmarks that compare payload
     * costs with a plaintext Prosody, plaintext only.
     *
     * @param logLevel ejabberd's log level: {@code info} or {@code debug}
     * @param tls      whether clients must use STARTTLS
     * @return the running server
     * @throws EjabberdNotInstalledException if ejabberd, Erlang or openssl is missing; the message says how to install
     * @throws IllegalStateException         if the server does not start; the message contains ejabberd's log
     */
    public static EjabberdServer start(String logLevel, boolean tls) {
        Path libs = ejabberdLibraries();
        Path erl = Executables.find("erl")
                .orElseThrow(() -> new EjabberdNotInstalledException(
                        "Erlang's 'erl' was not found; it comes with ejabberd. " + INSTALL_HINT));
        return new EjabberdServer(EjabberdInstance.start(
                erl,
                libs,
                DOMAIN,
                logLevel,
                START_TIMEOUT,
                tls,
                Optional.ofNullable(System.getProperty(ProsodyOptions.CERT_DIR_PROPERTY))
                        .map(Path::of)
                        .orElse(null)));
    }

    /**
     * Where ejabberd's Erlang applications are: the {@code ERL_LIBS} that the {@code ejabberdctl} script (system
     * property {@value #EJABBERDCTL_PROPERTY}, default {@code ejabberdctl} on the {@code PATH} or in
     * {@code /usr/sbin}) sets.
     *
     * @return the directory
     * @throws EjabberdNotInstalledException if ejabberd is not installed
     */
    public static Path ejabberdLibraries() {
        String command = System.getProperty(EJABBERDCTL_PROPERTY, "ejabberdctl");
        Path ctl = Executables.find(command)
                .orElseThrow(() ->
                        new EjabberdNotInstalledException("The ejabberd XMPP server is not installed (no executable '"
                                + command + "' found). " + INSTALL_HINT));
        return EjabberdInstance.erlLibs(ctl)
                .orElseThrow(() -> new EjabberdNotInstalledException("Cannot tell from "
                        + ctl
                        + " where ejabberd's Erlang applications are (no ERL_LIBS line naming a directory); this kit"
                        + " supports the Debian/Ubuntu package. " + INSTALL_HINT));
    }
}
