package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegisterOutcome;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.RegistryRules;
import io.github.xmppiot.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The thing registry (XEP-0347) on PostgreSQL at scale: search latency over 100,000 and 1,000,000 claimed public
 * Things (two operators, page of 20, §3.15) and registrations per second (§3.6) sustained by one and by two registry
 * instances (each its own connection pool and writes one at a time, as {@code ThingRegistry}) on one database. The
 * database is the test kit's private PostgreSQL on loopback; it is filled by bulk SQL over JDBC ({@code INSERT ...
 * SELECT FROM generate_series}), not through XMPP, so that the run takes minutes. The searches and registrations run
 * through {@link RegistryRules}, the code {@code ThingRegistry} runs per request, without the XMPP round trip (which
 * the end-to-end table measures).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.xmppiot.benchmarks.RegistryScale [things...]}
 * (default 100000 1000000).
 */
public final class RegistryScale {

    /** Tags per Thing (as ScaleRows and SearchBenchmark): SN, MAN, MODEL, V, LAT, LON, KEY. */
    static final int TAGS = 7;

    private RegistryScale() {}

    /**
     * Figures at one size.
     *
     * @param things      Things in the database
     * @param fillSeconds time to add the Things of this size
     * @param search      search latency
     * @param matched     Things found by the last search (at most 20)
     * @param plan        the search's query plan, {@code EXPLAIN ANALYZE}
     */
    record Size(int things, double fillSeconds, Stats search, int matched, String plan) {}

    /**
     * Registrations per second.
     *
     * @param instances registry instances
     * @param total     registrations done
     * @param seconds   duration
     */
    record Rate(int instances, int total, double seconds) {
        double perSecond() {
            return total / seconds;
        }
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args the sizes, ascending (default 100000 1000000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0
                ? new int[] {100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        try (PostgresServer pg = PostgresServer.start()) {
            Result r = run(pg, sizes, 200, 2_000, 10_000);
            print(pg, r);
        }
    }

    /**
     * Figures of one run.
     *
     * @param sizes one entry per size
     * @param rates one and two instances
     */
    record Result(List<Size> sizes, List<Rate> rates) {}

    /**
     * Runs the benchmark on a new database of a PostgreSQL server.
     *
     * @param pg            the server
     * @param sizes         Things wanted, ascending
     * @param warmup        searches not counted per size
     * @param rounds        searches counted per size
     * @param registrations registrations per instance count
     * @return the figures
     * @throws Exception on failure
     */
    static Result run(PostgresServer pg, int[] sizes, int warmup, int rounds, int registrations) throws Exception {
        String db = pg.createDatabase("registry_scale");
        List<Size> results = new ArrayList<>();
        List<Rate> rates = new ArrayList<>();
        try (JdbcRegistryStorage a =
                        JdbcRegistryStorage.postgresql(pg.jdbcUrl(db), PostgresServer.USER, pg.password());
                JdbcRegistryStorage b =
                        JdbcRegistryStorage.postgresql(pg.jdbcUrl(db), PostgresServer.USER, pg.password());
                Connection admin = DriverManager.getConnection(pg.jdbcUrl(db), PostgresServer.USER, pg.password())) {
            int filled = 0;
            for (int size : sizes) {
                results.add(measureSearch(admin, a, filled, size, warmup, rounds));
                filled = size;
            }
            rates.add(registrations(List.of(a), registrations));
            rates.add(registrations(List.of(a, b), registrations));
        }
        return new Result(results, rates);
    }

    /**
     * Adds Things up to {@code size} and times searches.
     *
     * @param admin  a plain connection for the bulk inserts
     * @param a      the storage
     * @param filled Things already in the database
     * @param size   Things wanted
     * @param warmup searches not counted
     * @param rounds searches counted
     * @return the figures
     * @throws SQLException if the database fails
     */
    static Size measureSearch(Connection admin, JdbcRegistryStorage a, int filled, int size, int warmup, int rounds)
            throws SQLException {
        long t0 = System.nanoTime();
        fill(admin, filled + 1, size);
        double fill = (System.nanoTime() - t0) / 1e9;
        RegistryRules rules = new RegistryRules(a, RegistryOptions.defaults());
        long[] nanos = new long[rounds];
        int matched = 0;
        for (int i = 0; i < warmup + rounds; i++) {
            long s = System.nanoTime();
            try {
                matched = rules.search(new Search(operators(i), 0, 20)).things().size();
            } catch (io.github.xmppiot.core.iq.IotErrorException e) {
                throw new IllegalStateException(e);
            }
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - s;
            }
        }
        return new Size(size, fill, Stats.of(nanos), matched, explain(admin));
    }

    /**
     * The two operators of search {@code i}: {@code MAN} equal to one of 100 manufacturers (1 % of the Things) and
     * {@code V} in a range of width 1 out of 0..10 (about 10 %): about 0.1 % of the Things match.
     */
    static List<SearchOperator> operators(int i) {
        return List.of(
                new StringComparison(Comparison.EQ, "MAN", "man-" + (i % 100) + ".example"),
                new NumericRange(false, "V", String.valueOf(i % 9), true, String.valueOf(i % 9 + 1), false));
    }

    /**
     * Inserts claimed public Things {@code from..to} (ids = numbers) with their tags, in one transaction per tag name,
     * then moves the id sequence past them and updates the planner's statistics.
     */
    static void fill(Connection admin, int from, int to) throws SQLException {
        if (from > to) {
            return;
        }
        String range = " FROM generate_series(" + from + ", " + to + ") AS i";
        try (Statement st = admin.createStatement()) {
            st.execute("SELECT setseed(0.347)");
            st.execute("INSERT INTO thing (id, jid, node_id, source_id, cache_type, owner, is_public, self_owned,"
                    + " last_seen) SELECT i, 'thing' || i || '@example.org', '', '', '', 'owner' || (i % 1000)"
                    + " || '@example.org', TRUE, FALSE, NULL" + range);
            String tag = "INSERT INTO tag (thing_id, name, label, seq, str_value, num_value, num_lexical, searchable)"
                    + " SELECT i, ";
            st.execute(tag + "'SN', 'SN', 0, 'sn-' || i, NULL, NULL, TRUE" + range);
            st.execute(tag + "'MAN', 'MAN', 1, 'man-' || (i % 100) || '.example', NULL, NULL, TRUE" + range);
            st.execute(tag + "'MODEL', 'MODEL', 2, 'model-' || (i % 37), NULL, NULL, TRUE" + range);
            st.execute("INSERT INTO tag (thing_id, name, label, seq, str_value, num_value, num_lexical, searchable)"
                    + " SELECT i, 'V', 'V', 3, NULL, v, v::text, TRUE FROM (SELECT i, floor(random() * 100) / 10"
                    + " AS v" + range + ") x");
            st.execute("INSERT INTO tag (thing_id, name, label, seq, str_value, num_value, num_lexical, searchable)"
                    + " SELECT i, 'LAT', 'LAT', 4, NULL, v, v::text, TRUE FROM (SELECT i, round((random() * 180 - 90)"
                    + "::numeric, 5)::float8 AS v" + range + ") x");
            st.execute("INSERT INTO tag (thing_id, name, label, seq, str_value, num_value, num_lexical, searchable)"
                    + " SELECT i, 'LON', 'LON', 5, NULL, v, v::text, TRUE FROM (SELECT i, round((random() * 360 - 180)"
                    + "::numeric, 5)::float8 AS v" + range + ") x");
            st.execute(tag + "'KEY', 'KEY', 6, 'key-' || md5(i::text), NULL, NULL, FALSE" + range);
            st.execute("SELECT setval(pg_get_serial_sequence('thing', 'id'), " + to + ")");
            st.execute("ANALYZE thing");
            st.execute("ANALYZE tag");
        }
    }

    /** @return the plan of one search query, as PostgreSQL ran it */
    static String explain(Connection admin) throws SQLException {
        io.github.xmppiot.discovery.internal.SqlSearch q =
                io.github.xmppiot.discovery.internal.SqlSearch.of(operators(7), 0, 21);
        StringBuilder plan = new StringBuilder();
        try (java.sql.PreparedStatement ps = admin.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q.sql())) {
            List<Object> p = q.parameters();
            for (int i = 0; i < p.size(); i++) {
                ps.setObject(i + 1, p.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    /**
     * Registers new Things (seven tags each, unclaimed) through each instance on its own thread, as fast as they go,
     * until {@code total} registrations are done.
     *
     * @param instances the storages, one per registry instance
     * @param total     registrations to do in all
     * @return the rate
     */
    static Rate registrations(List<JdbcRegistryStorage> instances, int total) throws Exception {
        AtomicInteger next = new AtomicInteger();
        String run = "r" + System.nanoTime() + "-";
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        java.util.concurrent.ExecutorService threads =
                java.util.concurrent.Executors.newFixedThreadPool(instances.size());
        long t0 = System.nanoTime();
        for (int w = 0; w < instances.size(); w++) {
            RegistryRules rules = new RegistryRules(instances.get(w), RegistryOptions.defaults());
            workers.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            try {
                                RegisterOutcome o = rules.register(
                                        JidCreate.from("new" + run + i + "@example.org/x"),
                                        new Register(
                                                List.of(
                                                        MetaTag.str("SN", "new-" + i),
                                                        MetaTag.str("MAN", "man-" + (i % 100) + ".example"),
                                                        MetaTag.str("MODEL", "model-" + (i % 37)),
                                                        MetaTag.num("V", "1.5"),
                                                        MetaTag.num("LAT", "57.7"),
                                                        MetaTag.num("LON", "11.9"),
                                                        MetaTag.str("KEY", "key-" + run + i)),
                                                null,
                                                false));
                                if (!(o instanceof RegisterOutcome.Registered)) {
                                    throw new IllegalStateException("not registered: " + o);
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    },
                    threads));
        }
        try {
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
        return new Rate(instances.size(), total, (System.nanoTime() - t0) / 1e9);
    }

    private static void print(PostgresServer pg, Result result) {
        List<Size> sizes = result.sizes();
        List<Rate> rates = result.rates();
        System.out.println("Thing registry on PostgreSQL (" + pg.directory() + ", loopback), " + TAGS
                + " tags per Thing, search MAN=eq AND V=range, maxCount 20");
        System.out.println("| Things | fill (s) | search median (ms) | search p99 (ms) | found |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (Size s : sizes) {
            System.out.printf(
                    "| %,d | %.1f | %.2f | %.2f | %d |%n",
                    s.things(),
                    s.fillSeconds(),
                    s.search().medianMicros() / 1000,
                    s.search().p99Micros() / 1000,
                    s.matched());
        }
        System.out.println();
        System.out.println("| registry instances | registrations | seconds | registrations/s |");
        System.out.println("|---:|---:|---:|---:|");
        for (Rate r : rates) {
            System.out.printf("| %d | %,d | %.1f | %,.0f |%n", r.instances(), r.total(), r.seconds(), r.perSecond());
        }
        System.out.println();
        System.out.println(
                "Plan of one search at " + sizes.get(sizes.size() - 1).things() + " Things:");
        System.out.println(sizes.get(sizes.size() - 1).plan());
    }
}
