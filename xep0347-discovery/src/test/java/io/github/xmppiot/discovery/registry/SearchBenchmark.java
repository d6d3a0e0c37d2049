package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.element.Search;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Measures registry searches (XEP-0347 §3.15) over 100,000 claimed public Things with two operators
 * ({@code strEq MAN} and {@code numRange V}), through {@link RegistryRules#search} on an H2 file database: SQL on the
 * tag indexes plus loading the page's tags. Not a test; run with
 * {@code java -cp <test classpath> io.github.xmppiot.discovery.registry.SearchBenchmark [things]}.
 */
public final class SearchBenchmark {

    private SearchBenchmark() {}

    /**
     * Runs the benchmark and prints the figures.
     *
     * @param args optional number of Things (default 100000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int things = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String keep = System.getProperty("bench.dir");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("xep0347-bench");
        boolean reuse = keep != null && Files.exists(dir.resolve("bench.mv.db"));
        Random random = new Random(347);
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("bench"))) {
            long t0 = System.nanoTime();
            for (int batch = 0; !reuse && batch < things; batch += 1000) {
                int from = batch;
                storage.inTransaction(tx -> {
                    for (int i = from; i < Math.min(from + 1000, things); i++) {
                        BareJid jid = JidCreate.bareFromOrThrowUnchecked("thing" + i + "@example.org");
                        List<MetaTag> tags = List.of(
                                MetaTag.str("SN", "sn-" + i),
                                MetaTag.str("MAN", "man-" + (i % 100) + ".example"),
                                MetaTag.str("MODEL", "model-" + (i % 37)),
                                MetaTag.num("V", String.valueOf(random.nextInt(100) / 10.0)),
                                MetaTag.num("LAT", String.valueOf(random.nextDouble() * 180 - 90)),
                                MetaTag.num("LON", String.valueOf(random.nextDouble() * 360 - 180)),
                                MetaTag.str("KEY", "key-" + random.nextLong()));
                        tx.put(new ThingKey(jid, null), tags, jid, true, true, null);
                    }
                    return null;
                });
            }
            System.out.printf("registered %,d things in %.1f s%n", things, (System.nanoTime() - t0) / 1e9);
            RegistryRules rules = new RegistryRules(storage, RegistryOptions.defaults());
            explain(
                    dir.resolve("bench"),
                    List.of(
                            new StringComparison(Comparison.EQ, "MAN", "man-42.example"),
                            new NumericRange(false, "V", "2", true, "3", false)));
            List<SearchOperator> ops = List.of(
                    new StringComparison(Comparison.EQ, "MAN", "man-42.example"),
                    new NumericRange(false, "V", "2", true, "3", false));
            for (int i = 0; i < 200; i++) {
                rules.search(new Search(ops, 0, 20));
            }
            int runs = 500;
            double[] ms = new double[runs];
            SearchResult last = null;
            for (int i = 0; i < runs; i++) {
                List<SearchOperator> q = List.of(
                        new StringComparison(Comparison.EQ, "MAN", "man-" + (i % 100) + ".example"),
                        new NumericRange(false, "V", String.valueOf(i % 9), true, String.valueOf(i % 9 + 1), false));
                long s = System.nanoTime();
                last = rules.search(new Search(q, 0, 20));
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "search, 2 operators (strEq MAN + numRange V), page of 20 over %,d things: median %.2f ms,"
                            + " p95 %.2f ms, max %.2f ms (last page: %d things, more=%s)%n",
                    things,
                    ms[runs / 2],
                    ms[runs * 95 / 100],
                    ms[runs - 1],
                    last.things().size(),
                    last.more());
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long s = System.nanoTime();
                rules.search(new Search(
                        List.of(
                                new StringComparison(Comparison.EQ, "MODEL", "model-" + (i % 37)),
                                new NumericRange(false, "LAT", "-10", true, "10", true)),
                        0,
                        100));
                all.add((System.nanoTime() - s) / 1e6);
            }
            all.sort(null);
            System.out.printf(
                    "search, 2 operators (strEq MODEL + numRange LAT), page of 100: median %.2f ms, p95 %.2f ms%n",
                    all.get(50), all.get(95));
        } finally {
            if (keep != null) {
                return;
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void explain(Path db, List<SearchOperator> ops) throws Exception {
        var q = io.github.xmppiot.discovery.internal.SqlSearch.of(ops, 0, 21);
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + db.toAbsolutePath() + ";WRITE_DELAY=0", "sa", "");
                var ps = c.prepareStatement("EXPLAIN ANALYZE " + q.sql())) {
            for (int i = 0; i < q.parameters().size(); i++) {
                ps.setObject(i + 1, q.parameters().get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
        }
    }
}
