package io.github.xmppiot.testkit.internal;

import io.github.xmppiot.testkit.ProsodyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The life cycle of one test Prosody: private directory, configuration, port, certificate and process, plus a JVM
 * shutdown hook so that an aborted test run leaves no server behind (see {@link AbstractServerInstance}). Not API.
 */
public final class ProsodyInstance extends AbstractServerInstance {

    private final ProsodyOptions options;
    private final Path binary;
    private ProsodyProcess process;

    private ProsodyInstance(ProsodyOptions options, Path binary, Path dir, TestCertificate certificate) {
        super("Prosody", dir, certificate);
        this.options = options;
        this.binary = binary;
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
        instance.startFirst();
        return instance;
    }

    @Override
    synchronized void launch() {
        Path config = directory().resolve("prosody.cfg.lua");
        try {
            Files.writeString(
                    config,
                    ProsodyConfig.render(
                            directory(),
                            options.domain(),
                            port(),
                            testCertificate(),
                            options.logLevel(),
                            options.extraModules()));
            process = ProsodyProcess.start(binary, config, directory(), logFile(), port(), options.startTimeout());
        } catch (ProsodyProcess.PortInUseException e) {
            throw new PortTakenException(port(), e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Prosody (" + binary + ") failed to start: " + e.getMessage() + "\n--- Prosody log (" + directory()
                            + ") ---\n" + ProsodyFiles.tail(logSince(0), 60),
                    e);
        }
    }

    @Override
    synchronized void stopProcess() {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    synchronized void killProcess() {
        if (process != null) {
            process.kill();
        }
    }

    /** @return the options */
    public ProsodyOptions options() {
        return options;
    }

    @Override
    public Path logFile() {
        return directory().resolve("prosody.log");
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }
}
