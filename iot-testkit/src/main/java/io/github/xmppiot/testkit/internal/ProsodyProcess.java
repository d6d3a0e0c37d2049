package io.github.xmppiot.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One running Prosody process: launched in the foreground with its own configuration file, its output captured to
 * {@code console.log}, and considered started once its c2s port accepts TCP connections. Not API.
 */
public final class ProsodyProcess {

    /** Marker Prosody logs when it cannot listen on a configured port. */
    static final String BIND_FAILURE = "Failed to open server port";
    /** Marker Prosody logs (at level info) once a listening service is set up. */
    static final String C2S_ACTIVATED = "Activated service 'c2s' on";

    /** Marker Prosody logs (at level info) once its clean shutdown has run and only its event loop remains. */
    static final String SHUTDOWN_COMPLETE = "Shutdown complete";

    private final Process process;
    private final Path log;

    private ProsodyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Launches Prosody and waits until it accepts connections on the port.
     *
     * @param binary  the Prosody executable
     * @param config  the configuration file
     * @param dir     the working directory, receiving {@code console.log}
     * @param log     Prosody's own log file, checked for bind failures
     * @param port    the c2s port
     * @param timeout how long to wait
     * @return the running process
     * @throws PortInUseException if Prosody could not bind the port
     * @throws IOException        if the process cannot be started, exits, or does not listen in time
     */
    public static ProsodyProcess start(Path binary, Path config, Path dir, Path log, int port, Duration timeout)
            throws IOException {
        long logStart = ProsodyFiles.size(log);
        Process p = new ProcessBuilder(List.of(binary.toString(), "-F", "--config", config.toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("console.log").toFile()))
                .start();
        p.getOutputStream().close();
        ProsodyProcess started = new ProsodyProcess(p, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("Prosody exited during startup with status " + p.exitValue());
            }
            String logged = ProsodyFiles.readFrom(log, logStart);
            if (logged.contains(BIND_FAILURE)) {
                started.stop();
                throw new PortInUseException(port);
            }
            if (logged.contains(C2S_ACTIVATED) && accepts(address)) {
                return started;
            }
            if (System.nanoTime() > deadline) {
                started.stop();
                throw new IOException("Prosody did not accept connections on port " + port + " within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // polling interval of the port probe
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the operating system's process id */
    public long pid() {
        return process.pid();
    }

    /** @return true while the process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops Prosody cleanly and quickly. SIGTERM makes Prosody close all streams, fire its cleanup events (storage is
     * written through, so nothing is lost) and log {@value #SHUTDOWN_COMPLETE}; after that its event loop lingers for
     * about a second waiting for its own timer, so the process is killed as soon as that line appears. If the line
     * does not appear within five seconds, the process is killed anyway.
     */
    public void stop() {
        long logStart = ProsodyFiles.size(log);
        process.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (process.isAlive()
                    && System.nanoTime() < deadline
                    && !ProsodyFiles.readFrom(log, logStart).contains(SHUTDOWN_COMPLETE)) {
                process.waitFor(2, TimeUnit.MILLISECONDS);
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills Prosody with SIGKILL, as a power cut or an out-of-memory kill would: no stream is closed, nothing is
     * flushed that Prosody had not written yet.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown when Prosody could not listen on the chosen port, which another process took meanwhile. */
    public static final class PortInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port) {
            super("Port " + port + " was taken by another process");
        }
    }
}
