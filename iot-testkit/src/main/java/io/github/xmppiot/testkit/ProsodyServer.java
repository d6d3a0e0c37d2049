package io.github.xmppiot.testkit;

import io.github.xmppiot.testkit.internal.Executables;
import io.github.xmppiot.testkit.internal.ProsodyInstance;
import java.nio.file.Path;

/**
 * A real Prosody XMPP server for tests, benchmarks and examples, running in its own temporary directory on a free
 * loopback port. Use it through {@link ProsodyTest} in JUnit, or directly:
 *
 * <pre>{@code
 * try (ProsodyServer server = ProsodyServer.start(ProsodyOptions.defaults())) {
 *     XMPPTCPConnection alice = server.connect("alice");
 *     ...
 * }
 * }</pre>
 *
 * <p>Accounts, connections, {@link #restart()} and {@link #kill()} are those of {@link XmppTestServerBase}: accounts
 * are created on demand by in-band registration (XEP-0077) with the password {@link #password(String)}, connections
 * use the SDK's own settings (TLS with the server's self-signed certificate trusted unless the server is
 * plaintext-only, SCRAM, {@code TCP_NODELAY}, resource {@value #DEFAULT_RESOURCE}). The methods are thread-safe.
 *
 * @since 0.1.0
 */
public final class ProsodyServer extends XmppTestServerBase {

    private ProsodyServer(ProsodyInstance instance) {
        super(instance, instance.options().domain());
    }

    /**
     * Starts a server with the default options (TLS, domain {@code localhost}).
     *
     * @return the running server
     * @throws ProsodyNotInstalledException if Prosody or openssl is missing
     * @throws IllegalStateException        if the server does not start; the message contains Prosody's log
     */
    public static ProsodyServer start() {
        return start(ProsodyOptions.defaults());
    }

    /**
     * Starts a server. Typically takes well under a second; the first TLS start also creates the cached certificate.
     *
     * @param options the options
     * @return the running server
     * @throws ProsodyNotInstalledException if Prosody (or, for TLS, openssl) is missing; the message says how to
     *                                      install it
     * @throws IllegalStateException        if the server does not start; the message contains Prosody's log
     */
    public static ProsodyServer start(ProsodyOptions options) {
        Path binary = Executables.find(options.prosodyBinary())
                .orElseThrow(() ->
                        new ProsodyNotInstalledException("The Prosody XMPP server is not installed (no executable '"
                                + options.prosodyBinary() + "' found"
                                + (options.prosodyBinary().contains("/") ? "" : " on the PATH")
                                + "). The integration tests (*IT) run a real Prosody. Install it with:"
                                + " sudo apt-get install -y prosody   (Debian/Ubuntu; other systems: https://prosody.im/download)."
                                + " Or skip these tests explicitly with -Dxmpp.it.skip=true, or point the kit at another"
                                + " executable with -D" + ProsodyOptions.PROSODY_BINARY_PROPERTY
                                + "=/path/to/prosody."));
        return new ProsodyServer(ProsodyInstance.start(binary, options));
    }
}
