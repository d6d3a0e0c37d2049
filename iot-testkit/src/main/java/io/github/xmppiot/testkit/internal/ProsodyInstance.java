package io.github.xmppiot.testkit.internal;

import io.github.xmppiot.testkit.ProsodyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The life cycle of one test Prosody: private directory, configuration, port, certificate and process, plus a JVM
 * shutdown hook so that an aborted test run leaves no server behind. Not API.
 */
public final class ProsodyInstance implements ServerInstance {

    private static final int PORT_ATTEMPTS = 3;

    private final ProsodyOptions options;
    private final Path binary;
    private final Path dir;
    private final TestCertificate certificate;
    private final Thread shutdownHook;
    private int port;
    private ProsodyProcess process;
    private boolean closed;

    private ProsodyInstance(ProsodyOptions options, Path binary, Path dir, TestCertificate certificate) {
        this.options = options;
        this.binary = binary;
        this.dir = dir;
        this.certificate = certificate;
        this.shutdownHook = new Thread(this::destroy, "prosody-testkit-shutdown");
    }

    /**
     * Creates the directory and configuration and starts Prosody on a free port.
     *
     * @param binary  the Prosody executable
     * @param options the options
     * @return the running instance
     */
    public static ProsodyInstance start(Path binary, ProsodyOptions options) {
        TestCertificate cert = options.tls()
                ? TestCertificate.forDomain(options.certificateCache().orElse(null), options.domain())
                : null;
        Path dir;
        try {
            dir = Files.createTempDirectory("xmpp-iot-prosody-");
            Files.createDirectory(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for Prosody", e);
        }
        ProsodyInstance instance = new ProsodyInstance(options, binary, dir, cert);
        Runtime.getRuntime().addShutdownHook(instance.shutdownHook);
        try {
            instance.launchOnFreePort();
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private void launchOnFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                launch();
                return;
            } catch (ProsodyProcess.PortInUseException e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage() + " " + PORT_ATTEMPTS + " times", e);
                }
            }
        }
    }

    private synchronized void launch() throws ProsodyProcess.PortInUseException {
        Path config = dir.resolve("prosody.cfg.lua");
        try {
            Files.writeString(config, ProsodyConfig.render(dir, options.domain(), port, certificate,
                    options.logLevel(), options.extraModules()));
            process = ProsodyProcess.start(binary, config, dir, logFile(), port, options.startTimeout());
        } catch (ProsodyProcess.PortInUseException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("Prosody (" + binary + ") failed to start: " + e.getMessage()
                    + "\n--- Prosody log (" + dir + ") ---\n" + ProsodyFiles.tail(logSince(0), 60), e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** @return the options */
    public ProsodyOptions options() {
        return options;
    }

    /** @return the c2s port */
    public synchronized int port() {
        return port;
    }

    /** @return the PEM certificate, or empty without TLS */
    public Optional<Path> certificate() {
        return Optional.ofNullable(certificate).map(TestCertificate::certificate);
    }

    /** @return the private directory */
    public Path directory() {
        return dir;
    }

    /** @return Prosody's log file */
    public Path logFile() {
        return dir.resolve("prosody.log");
    }

    /** @return true while the process runs */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Prosody's log from a byte position on, followed by the process console output if there is any.
     *
     * @param position a value of the log file's size taken earlier, or 0
     * @return the text
     */
    public String logSince(long position) {
        String log = ProsodyFiles.readFrom(logFile(), position);
        String console = ProsodyFiles.readFrom(dir.resolve("console.log"), 0);
        return console.isBlank() ? log : log + "\n--- Prosody console output ---\n" + console;
    }

    /** Stops and starts Prosody with the same directory and port. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The server is closed");
        }
        if (process != null) {
            process.stop();
        }
        try {
            launch();
        } catch (ProsodyProcess.PortInUseException e) {
            throw new IllegalStateException("Cannot restart Prosody: " + e.getMessage(), e);
        }
    }

    /** Kills Prosody with SIGKILL and starts it again with the same directory and port. */
    public synchronized void killAndStart() {
        if (closed) {
            throw new IllegalStateException("The server is closed");
        }
        if (process != null) {
            process.kill();
        }
        try {
            launch();
        } catch (ProsodyProcess.PortInUseException e) {
            throw new IllegalStateException("Cannot start Prosody again after kill: " + e.getMessage(), e);
        }
    }

    /** Stops Prosody and deletes the directory; idempotent. */
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook runs destroy() itself
        }
    }

    private synchronized void destroy() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null) {
                process.stop();
            }
        } finally {
            ProsodyFiles.deleteRecursively(dir);
        }
    }
}
