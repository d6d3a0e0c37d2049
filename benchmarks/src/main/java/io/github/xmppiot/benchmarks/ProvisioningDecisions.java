package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Provisioning decisions per second on the provisioning server's store, H2 file against PostgreSQL (issue 20): the
 * store reads of one {@code canRead} (XEP-0324 §3.3) that is not answered from the Thing's cache, exactly as the
 * server's rule evaluation makes them: the Thing's owner, then the read rules for the requester. The stores are
 * filled with bulk {@code INSERT ... SELECT}s ({@code bench.things} Things, default 100,000, each owned and with
 * {@code bench.rulesPerThing} read rules, default 4), then each row runs for {@code bench.seconds} (default 10, after
 * 3 s of warm-up) with 1 and {@code bench.threads} (default 4) threads asking for random (Thing, requester) pairs,
 * one requester in {@code bench.rulesPerThing + 1} without a rule (denied). PostgreSQL is the test kit's private
 * cluster on loopback ({@code fsync} off, as in the tests). Prints one table.
 */
public final class ProvisioningDecisions {

    private static final int THINGS = Integer.getInteger("bench.things", 100_000);
    private static final int RULES = Integer.getInteger("bench.rulesPerThing", 4);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);

    private ProvisioningDecisions() {}

    /**
     * Runs the measurements.
     *
     * @param args ignored
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        System.out.printf(
                "%-12s %8s %7s %14s %11s %9s %10s%n",
                "store", "things", "threads", "decisions/s", "median_us", "p99_us", "fill_s");
        Path dir = Files.createTempDirectory("provisioning-bench");
        Path file = dir.resolve("rules");
        long t0 = System.nanoTime();
        try (JdbcProvisioningStore h2 = JdbcProvisioningStore.h2(file)) {
            fill(
                    h2,
                    () -> DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", ""),
                    "SYSTEM_RANGE(1, %d) AS r(x)");
            double fill = (System.nanoTime() - t0) / 1e9;
            for (int threads : new int[] {1, THREADS}) {
                row("H2 file", h2, threads, fill);
            }
        }
        try (PostgresServer pg = PostgresServer.start()) {
            String db = pg.createDatabase("bench");
            t0 = System.nanoTime();
            try (JdbcProvisioningStore store = JdbcProvisioningStore.postgresql(
                    "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + db,
                    PostgresServer.USER,
                    pg.password(),
                    Duration.ofDays(365),
                    java.time.Clock.systemUTC(),
                    Math.max(THREADS, 2))) {
                fill(
                        store,
                        () -> DriverManager.getConnection(pg.jdbcUrl(db), PostgresServer.USER, pg.password()),
                        "generate_series(1, %d) AS r(x)");
                double fill = (System.nanoTime() - t0) / 1e9;
                for (int threads : new int[] {1, THREADS}) {
                    row("PostgreSQL", store, threads, fill);
                }
            }
        }
    }

    /** Opens a plain JDBC connection next to the store's pool, for the bulk fill. */
    @FunctionalInterface
    interface Jdbc {
        Connection open() throws Exception;
    }

    /**
     * Writes one template rule through the store (so its columns are encoded as the store does), then copies it to
     * every (Thing, requester) pair in one statement per table; {@code range} is the dialect's number series.
     */
    static void fill(JdbcProvisioningStore store, Jdbc jdbc, String range) throws Exception {
        store.putRule(new Rule(
                "template@bench",
                AccessRequest.Kind.READ,
                "template@bench",
                List.of(),
                List.of("Temperature", "Humidity")));
        String things = String.format(range, THINGS);
        String principals = String.format(range, RULES).replace("r(x)", "p(y)");
        try (Connection c = jdbc.open();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO things (thing, owner) SELECT CONCAT('thing', x, '@bench'), 'owner@bench' FROM "
                    + things);
            s.executeUpdate("INSERT INTO rules (thing, kind, principal, nodes, names) SELECT CONCAT('thing', x,"
                    + " '@bench'), 'READ', CONCAT('client', y, '@bench'), t.nodes, t.names FROM " + things
                    + " CROSS JOIN "
                    + principals + " CROSS JOIN rules t WHERE t.thing = 'template@bench'");
            s.execute("ANALYZE"); // fresh statistics for the planner, as a long-running database would have
        }
        if (store.rules("thing" + THINGS + "@bench", AccessRequest.Kind.READ).size() != RULES) {
            throw new IllegalStateException("the bulk fill did not give every Thing its rules");
        }
    }

    /** Runs decisions on {@code threads} threads for the bounded time and prints one row. */
    static void row(String name, JdbcProvisioningStore store, int threads, double fillSeconds) throws Exception {
        run(store, threads, TimeUnit.SECONDS.toNanos(3)); // warm-up
        List<long[]> perThread = run(store, threads, TimeUnit.SECONDS.toNanos(SECONDS));
        List<Long> all = new ArrayList<>();
        perThread.forEach(a -> {
            for (long v : a) {
                all.add(v);
            }
        });
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%-12s %8d %7d %,14.0f %11.0f %9.0f %10.1f%n",
                name,
                THINGS,
                threads,
                sorted.length / (double) SECONDS,
                sorted[sorted.length / 2] / 1e3,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e3,
                fillSeconds);
    }

    /** @return each thread's decision latencies in nanoseconds */
    static List<long[]> run(JdbcProvisioningStore store, int threads, long nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long end = System.nanoTime() + nanos;
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        String thing = "thing" + (1 + random.nextInt(THINGS)) + "@bench";
                        String requester = "client" + (1 + random.nextInt(RULES + 1)) + "@bench";
                        decide(store, thing, requester);
                        if (n == lat.length) {
                            lat = java.util.Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = System.nanoTime() - now;
                    }
                    return java.util.Arrays.copyOf(lat, n);
                }));
            }
            List<long[]> out = new ArrayList<>();
            for (Future<long[]> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The store reads of one canRead decision, as the server's rule evaluation makes them. */
    static boolean decide(JdbcProvisioningStore store, String thing, String requester) throws Exception {
        if (store.owner(thing).map(requester::equals).orElse(false)) {
            return true;
        }
        return !store.rules(thing, AccessRequest.Kind.READ, Set.of(requester)).isEmpty();
    }
}
