package io.github.xmppiot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, private PostgreSQL cluster for tests (the Debian/Ubuntu {@code postgresql} package): {@code initdb} into a
 * temporary directory, {@code pg_ctl} on a free loopback port, removed by {@link #close()}. The cluster has one
 * superuser {@value #USER} with password {@link #password()} (SCRAM-SHA-256, loopback TCP only, no Unix socket in a
 * shared directory) and creates empty databases on demand ({@link #createDatabase(String)}), so test classes that
 * share a server stay independent. Use it through {@link PostgresTest} in JUnit, or directly:
 *
 * {@code try (PostgresServer pg = PostgresServer.start()) { String url = pg.jdbcUrl(pg.createDatabase("reg")); }}
 *
 * <p>PostgreSQL refuses to run as root: when the tests run as root (as in CI containers), the cluster runs as the
 * {@code postgres} system user that the package creates, through {@code runuser}. For speed, {@code fsync} is off:
 * the data survives the server being killed (the operating system still has it), not a power cut. The binaries are
 * found in the directory of the system property {@value #BIN_PROPERTY}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}, else on the {@code PATH}.
 */
public final class PostgresServer implements AutoCloseable {

    /** System property naming the directory with {@code initdb} and {@code pg_ctl}. */
    public static final String BIN_PROPERTY = "xmpp.it.postgres.bin";
    /** The cluster's superuser. */
    public static final String USER = "iot";
    /** Loopback address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** How long the kit waits for PostgreSQL to start or stop. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final String INSTALL_HINT = "The PostgreSQL storage tests run a real PostgreSQL. Install it with: sudo"
            + " apt-get install -y postgresql   (Debian/Ubuntu; or run scripts/test-deps.sh). Or skip these tests"
            + " explicitly with -D" + ProsodyExtension.SKIP_PROPERTY + "=true.";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final String password;
    private final boolean asRoot;

    private PostgresServer(Path bin, Path directory, int port, String password, boolean asRoot) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.password = password;
        this.asRoot = asRoot;
    }

    /**
     * Creates and starts a private cluster.
     *
     * @return the running server
     * @throws PostgresNotInstalledException if PostgreSQL is not installed; the message says how to install it
     * @throws IllegalStateException         if the cluster does not start; the message contains its log
     */
    public static PostgresServer start() {
        Path bin = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path dir;
        try {
            dir = Files.createTempDirectory("xmpp-iot-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for PostgreSQL", e);
        }
        PostgresServer server =
                new PostgresServer(bin, dir, freePort(), "pw-" + Long.toHexString(System.nanoTime()), asRoot);
        try {
            server.init();
            server.startProcess();
            return server;
        } catch (RuntimeException e) {
            server.deleteDirectory();
            throw e;
        }
    }

    /**
     * Where {@code initdb} and {@code pg_ctl} are.
     *
     * @return the directory
     * @throws PostgresNotInstalledException if they are not found
     */
    public static Path binaries() {
        String configured = System.getProperty(BIN_PROPERTY);
        if (configured != null) {
            Path p = Path.of(configured);
            if (Files.isExecutable(p.resolve("pg_ctl"))) {
                return p;
            }
            throw new PostgresNotInstalledException(
                    "No pg_ctl in " + p + " (system property " + BIN_PROPERTY + "). " + INSTALL_HINT);
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return io.github.xmppiot.testkit.internal.Executables.find("pg_ctl")
                .map(Path::getParent)
                .orElseThrow(() -> new PostgresNotInstalledException("PostgreSQL is not installed (no pg_ctl under"
                        + " /usr/lib/postgresql/*/bin or on the PATH). " + INSTALL_HINT));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the port on {@value #HOST} */
    public int port() {
        return port;
    }

    /** @return the superuser's password */
    public String password() {
        return password;
    }

    /** @return the cluster's private directory; deleted by {@link #close()} */
    public Path directory() {
        return directory;
    }

    /**
     * The JDBC URL of a database of this cluster.
     *
     * @param database the database name
     * @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /**
     * Creates an empty database owned by {@value #USER}.
     *
     * @param prefix the start of its name (letters, digits and {@code _})
     * @return the name of the new database: the prefix and a number unique in this JVM
     */
    public String createDatabase(String prefix) {
        if (!prefix.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database prefix must be lower-case letters, digits and _: " + prefix);
        }
        String name = prefix + "_" + DATABASES.incrementAndGet();
        run(List.of(bin.resolve("createdb").toString(), "-h", HOST, "-p", Integer.toString(port), "-U", USER, name));
        return name;
    }

    /** @return the server log so far */
    public String log() {
        try {
            Path log = directory.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read the PostgreSQL log: " + e.getMessage() + ")";
        }
    }

    /** Stops the cluster (fast shutdown) and deletes its directory. */
    @Override
    public void close() {
        try {
            run(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    Long.toString(TIMEOUT.toSeconds()),
                    "stop"));
        } finally {
            deleteDirectory();
        }
    }

    private void init() {
        try {
            Path pwfile = directory.resolve("pwfile");
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            if (asRoot) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
            }
            run(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--pwfile=" + pwfile,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync"));
            Files.delete(pwfile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PostgreSQL cluster in " + directory, e);
        }
    }

    private void startProcess() {
        String options = "-c listen_addresses=" + HOST + " -p " + port + " -k " + directory
                + " -c fsync=off -c full_page_writes=off -c max_connections=200";
        run(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                directory.resolve("server.log").toString(),
                "-o",
                options,
                "-w",
                "-t",
                Long.toString(TIMEOUT.toSeconds()),
                "start"));
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish within " + TIMEOUT);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (exit " + p.exitValue() + "):\n"
                        + new String(out, StandardCharsets.UTF_8) + "\n" + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
