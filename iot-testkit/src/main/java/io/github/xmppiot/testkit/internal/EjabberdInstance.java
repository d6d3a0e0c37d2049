package io.github.xmppiot.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The life cycle of one test ejabberd: private directory (configuration, Mnesia spool, logs, {@code HOME}), a free
 * loopback port, the cached test certificate, and the Erlang VM started directly ({@code erl ... -s ejabberd}, as
 * {@code ejabberdctl foreground} does, which only root or the {@code ejabberd} user may run). The VM runs without
 * Erlang distribution ({@code nonode@nohost}): it registers no node name with {@code epmd} and reads no cookie, so it
 * can never clash with the Debian service or with the servers of parallel test classes. {@code TCP_NODELAY} on every
 * accepted socket comes from {@code -kernel inet_default_listen_options [{nodelay,true}]} (ejabberd 23.01 has no
 * listener option for it; in production put it in {@code ERL_OPTIONS} of {@code ejabberdctl.cfg}). A JVM shutdown hook
 * stops the VM if the test run is aborted. Not API.
 */
public final class EjabberdInstance extends AbstractServerInstance {

    /** Logged once the c2s listener accepts connections (followed by the address). */
    static final String LISTENING = "Start accepting TCP connections at ";

    private static final List<String> BIND_FAILURES = List.of("eaddrinuse", "address already in use");

    private final Path erl;
    private final Path erlLibs;
    private final String domain;
    private final String logLevel;
    private final Duration startTimeout;
    private Process process;

    private EjabberdInstance(
            Path erl,
            Path erlLibs,
            String domain,
            String logLevel,
            Duration startTimeout,
            Path dir,
            TestCertificate certificate) {
        super("ejabberd", dir, certificate);
        this.erl = erl;
        this.erlLibs = erlLibs;
        this.domain = domain;
        this.logLevel = logLevel;
        this.startTimeout = startTimeout;
    }

    /**
     * Creates the directory and configuration and starts ejabberd on a free port.
     *
     * @param erl          the Erlang emulator ({@code /usr/bin/erl})
     * @param erlLibs      the directory holding ejabberd's Erlang applications (Debian: {@code /usr/lib/<arch>})
     * @param domain       the virtual host
     * @param logLevel     ejabberd's log level
     * @param startTimeout how long to wait for the listener
     * @param tls          whether clients must use STARTTLS (false only for benchmarks on loopback)
     * @param certCache    the certificate cache directory, or null for the default
     * @return the running instance
     */
    public static EjabberdInstance start(
            Path erl,
            Path erlLibs,
            String domain,
            String logLevel,
            Duration startTimeout,
            boolean tls,
            Path certCache) {
        TestCertificate cert = tls ? TestCertificate.forDomain(certCache, domain) : null;
        Path dir;
        try {
            dir = Files.createTempDirectory(
                    "xmpp-iot-ejabberd-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectory(dir.resolve("spool"));
            Files.createDirectory(dir.resolve("home"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for ejabberd", e);
        }
        EjabberdInstance instance = new EjabberdInstance(erl, erlLibs, domain, logLevel, startTimeout, dir, cert);
        instance.startFirst();
        return instance;
    }

    /**
     * The {@code ERL_LIBS} directory an {@code ejabberdctl} script sets (Debian: {@code /usr/lib/<arch>}).
     *
     * @param ejabberdctl the script
     * @return the directory, or empty if the script names none that exists
     */
    public static Optional<Path> erlLibs(Path ejabberdctl) {
        try {
            for (String line : Files.readAllLines(ejabberdctl, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("ERL_LIBS=")) {
                    Path libs = Path.of(
                            l.substring("ERL_LIBS=".length()).replace("'", "").replace("\"", ""));
                    if (Files.isDirectory(libs)) {
                        return Optional.of(libs);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ejabberdctl, e);
        }
    }

    @Override
    synchronized void launch() {
        Path dir = directory();
        Path config = dir.resolve("ejabberd.yml");
        long logStart = ProsodyFiles.size(logFile());
        try {
            Files.writeString(config, EjabberdConfig.render(domain, port(), testCertificate(), logLevel));
            ProcessBuilder pb = new ProcessBuilder(List.of(
                            erl.toString(),
                            "-noinput",
                            "-noshell",
                            "+K",
                            "true",
                            "-kernel",
                            "inet_default_listen_options",
                            "[{nodelay,true}]",
                            "-mnesia",
                            "dir",
                            "\"" + dir.resolve("spool") + "\"",
                            "-s",
                            "ejabberd"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("console.log").toFile()));
            Map<String, String> env = pb.environment();
            env.put("HOME", dir.resolve("home").toString());
            env.put("EJABBERD_CONFIG_PATH", config.toString());
            env.put("EJABBERD_LOG_PATH", logFile().toString());
            env.put("ERL_LIBS", erlLibs.toString());
            env.put("ERL_CRASH_DUMP", dir.resolve("erl_crash.dump").toString());
            process = pb.start();
            process.getOutputStream().close();
            awaitListener(logStart);
        } catch (PortTakenException e) {
            stopProcess();
            throw e;
        } catch (IOException e) {
            stopProcess();
            throw new IllegalStateException(
                    "ejabberd (" + erl + " with " + erlLibs + ") failed to start: " + e.getMessage()
                            + "\n--- ejabberd log (" + dir + ") ---\n" + ProsodyFiles.tail(logSince(0), 60),
                    e);
        }
    }

    private void awaitListener(long logStart) throws IOException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        int port = port();
        Path dir = directory();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        String listening = LISTENING + "127.0.0.1:" + port;
        while (true) {
            String logged =
                    ProsodyFiles.readFrom(logFile(), logStart) + ProsodyFiles.readFrom(dir.resolve("console.log"), 0);
            if (BIND_FAILURES.stream().anyMatch(logged::contains)) {
                throw new PortTakenException(port, null);
            }
            if (!process.isAlive()) {
                throw new IOException("ejabberd exited during startup with status " + process.exitValue());
            }
            if (logged.contains(listening) && accepts(address)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "ejabberd did not accept connections on port " + port + " within " + startTimeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling interval of the log and port probe
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

    @Override
    public Path logFile() {
        return directory().resolve("ejabberd.log");
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the Erlang VM and its helper processes with SIGKILL: no stream is closed, Mnesia is not stopped. */
    @Override
    synchronized void killProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly(); // SIGKILL on POSIX
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the VM: SIGTERM makes Erlang/OTP run {@code init:stop()} (ejabberd closes its streams and Mnesia); after
     * five seconds it is killed, with its helper processes ({@code erl_child_setup}).
     */
    @Override
    synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
