package io.github.xmppiot.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the Prosody and ejabberd instances share: the private directory, the free loopback port (another one is tried
 * if a process takes it meanwhile), the cached test certificate, restart and kill on the same port, and a JVM shutdown
 * hook so that an aborted test run leaves no server behind. Not API.
 */
public abstract class AbstractServerInstance implements ServerInstance {

    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private final Path dir;
    private final TestCertificate certificate;
    private final Thread shutdownHook;
    private int port;
    private boolean closed;

    AbstractServerInstance(String name, Path dir, TestCertificate certificate) {
        this.name = name;
        this.dir = dir;
        this.certificate = certificate;
        this.shutdownHook = new Thread(this::destroy, name.toLowerCase(java.util.Locale.ROOT) + "-testkit-shutdown");
    }

    /** Starts the server process on {@link #port()}; returns once it accepts connections. */
    abstract void launch() throws PortTakenException;

    /** Stops the server process cleanly, if there is one. */
    abstract void stopProcess();

    /** Kills the server process (and its helpers) with SIGKILL, if there is one. */
    abstract void killProcess();

    /** Registers the shutdown hook and launches on a free port; closes this instance if that fails. */
    final void startFirst() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (int attempt = 1; ; attempt++) {
                synchronized (this) {
                    port = freePort();
                }
                try {
                    launch();
                    return;
                } catch (PortTakenException e) {
                    if (attempt == PORT_ATTEMPTS) {
                        throw new IllegalStateException(e.getMessage() + " " + PORT_ATTEMPTS + " times", e);
                    }
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    @Override
    public synchronized int port() {
        return port;
    }

    @Override
    public Optional<Path> certificate() {
        return Optional.ofNullable(certificate).map(TestCertificate::certificate);
    }

    /** @return the test certificate, or null for a plaintext-only server */
    TestCertificate testCertificate() {
        return certificate;
    }

    @Override
    public Path directory() {
        return dir;
    }

    @Override
    public String logSince(long position) {
        String log = ProsodyFiles.readFrom(logFile(), position);
        String console = ProsodyFiles.readFrom(dir.resolve("console.log"), 0);
        return console.isBlank() ? log : log + "\n--- " + name + " console output ---\n" + console;
    }

    @Override
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The server is closed");
        }
        stopProcess();
        try {
            launch();
        } catch (PortTakenException e) {
            throw new IllegalStateException("Cannot restart " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void killAndStart() {
        if (closed) {
            throw new IllegalStateException("The server is closed");
        }
        killProcess();
        try {
            launch();
        } catch (PortTakenException e) {
            throw new IllegalStateException("Cannot start " + name + " again after kill: " + e.getMessage(), e);
        }
    }

    @Override
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
            stopProcess();
        } finally {
            ProsodyFiles.deleteRecursively(dir);
        }
    }

    /** Thrown when the server could not listen on the chosen port, which another process took meanwhile. */
    static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(int port, Throwable cause) {
            super("Port " + port + " was taken by another process", cause);
        }
    }
}
