package io.github.xmppiot.benchmarks;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.control.provider.ControlSetProvider;
import io.github.xmppiot.control.provider.SetRequestProvider;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.provider.FieldsProvider;
import io.github.xmppiot.testkit.ProsodyOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.xpp3.Xpp3XmlPullParserFactory;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * End-to-end benchmark against a Prosody started through the test kit (plaintext, log level {@code info}): xmpp-iot's
 * read-out, control and memory costs as ratios to the bare XEP-0199 ping between the same two connections, and Smack's
 * own IoT client and thing (in separate JVMs, {@link PeerProcess}) measured in the same run. Prints a table; see
 * {@code docs/benchmarks.md}.
 *
 * <p>Run from the repository root after {@code mvn -B -pl benchmarks,interop-smack-peer -am package -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.xmppiot.benchmarks.EndToEnd}. System properties:
 * {@code bench.rounds} (sequential rounds, default 1000), {@code bench.inFlight} (pipelined requests, 16),
 * {@code bench.pipelineMillis} (one throughput round, 2000), {@code bench.heapThings} (200),
 * {@code bench.registryThings} (100000; 0 skips the row), {@code bench.hubNodes} (10000; 0 skips the row),
 * {@code bench.warmupSeconds} (20: every operation, pipelined and sequential in turns, before anything is measured),
 * {@code bench.ejabberd} (true: the ratio rows again on ejabberd, {@link EjabberdRows}),
 * {@value PeerProcess#JAR_PROPERTY}, and {@code bench.xmlParser=xpp3} to force Smack's XPP3 parser in this JVM (by
 * default Smack's {@code ServiceLoader} picks the first factory on the class path, which is the StAX one that
 * smack-java8 brings in).
 */
public final class EndToEnd {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1000);
    private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 16);
    private static final Duration PIPELINE_ROUND = Duration.ofMillis(Long.getLong("bench.pipelineMillis", 2000));
    private static final int HEAP_THINGS = Integer.getInteger("bench.heapThings", 200);
    private static final int REGISTRY_THINGS = Integer.getInteger("bench.registryThings", 100_000);
    private static final int HUB_NODES = Integer.getInteger("bench.hubNodes", 10_000);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 20));

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private EndToEnd() {}

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args none
     * @throws Exception if a measurement fails
     */
    public static void main(String[] args) throws Exception {
        SmackIsolation.disableSmackExperimental();
        if ("xpp3".equals(System.getProperty("bench.xmlParser"))) {
            SmackXmlParser.setXmlPullParserFactory(new Xpp3XmlPullParserFactory());
        }
        long t0 = System.nanoTime();
        EndToEnd bench = new EndToEnd();
        try (ProsodyServer server = ProsodyServer.start(
                ProsodyOptions.builder().tls(false).logLevel("info").build())) {
            bench.run(server);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.ejabberd", "true"))) {
            bench.rows.addAll(EjabberdRows.measure(
                    ROUNDS, IN_FLIGHT, PIPELINE_ROUND, Duration.ofSeconds(Math.max(5, WARM_UP.toSeconds() / 2))));
        }
        bench.print(Duration.ofNanos(System.nanoTime() - t0));
        System.exit(0); // Smack's reconnection and ping timers are non-daemon threads
    }

    private void run(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        BenchThings.serve(thing);
        WireFloor.OURS.serve(thing);
        WireFloor.SMACK.serve(thing);
        XMPPTCPConnection client = server.connect("client");
        SensorDataClient readClient = SensorDataClient.getInstanceFor(client);
        ControlClient controlClient = ControlClient.getInstanceFor(client);
        verifyOurProviders();
        Jid target = thing.getUser();
        ControlRequest setAll = BenchThings.setAll();
        Measure.Op ping = () -> ping(client, target);
        Measure.Op read = () -> readClient.read(target, BenchThings.MOMENTARY).thenApply(EndToEnd::checkFields);
        Measure.Op set = () -> controlClient.set(target, setAll);
        Measure.Op floor = WireFloor.OURS.client(client, target);
        Measure.Op smackFloor = WireFloor.SMACK.client(client, target);

        progress("warm-up: %d s of ping, read-out, set and wire floor", WARM_UP.toSeconds());
        Measure.warmUp(new Measure.Op[] {ping, read, set, floor, smackFloor}, IN_FLIGHT, WARM_UP);

        progress("sequential: %d rounds of ping, read-out, set, wire floor (ours, Smack's XML)", ROUNDS);
        Stats[] seq = Measure.alternating(ROUNDS, ping, read, set, floor, smackFloor);
        Stats pingStats = seq[0];
        Stats readStats = seq[1];
        Stats floorStats = seq[3];
        row(
                "Read-out of 10 fields, sequential, median",
                micros(readStats.medianMicros()),
                "ping " + micros(pingStats.medianMicros()),
                readStats.medianNanos(),
                pingStats.medianNanos(),
                "≤ 1.3×",
                true,
                1.3);
        row(
                "Read-out of 10 fields, sequential, p99",
                micros(readStats.p99Micros()),
                "ping " + micros(pingStats.p99Micros()),
                readStats.p99Nanos(),
                pingStats.p99Nanos(),
                "≤ 1.3×",
                true,
                1.3);
        row(
                "  Wire floor (same 3 stanzas, pre-rendered, plain Smack), median",
                micros(floorStats.medianMicros()),
                "ping " + micros(pingStats.medianMicros()),
                floorStats.medianNanos(),
                pingStats.medianNanos(),
                "—",
                true,
                0);
        row(
                "  Wire floor, p99",
                micros(floorStats.p99Micros()),
                "ping " + micros(pingStats.p99Micros()),
                floorStats.p99Nanos(),
                pingStats.p99Nanos(),
                "—",
                true,
                0);
        row(
                "  Wire floor with Smack's fields XML (no categories, no flags), median",
                micros(seq[4].medianMicros()),
                "ping " + micros(pingStats.medianMicros()),
                seq[4].medianNanos(),
                pingStats.medianNanos(),
                "—",
                true,
                0);
        row(
                "  Read-out over the wire floor, median",
                micros(readStats.medianMicros()),
                "floor " + micros(floorStats.medianMicros()),
                readStats.medianNanos(),
                floorStats.medianNanos(),
                "—",
                true,
                0);
        row(
                "Control set of 8 parameters, sequential, median",
                micros(seq[2].medianMicros()),
                "ping " + micros(pingStats.medianMicros()),
                seq[2].medianNanos(),
                pingStats.medianNanos(),
                "—",
                true,
                0);
        row(
                "Control set of 8 parameters, sequential, p99",
                micros(seq[2].p99Micros()),
                "ping " + micros(pingStats.p99Micros()),
                seq[2].p99Nanos(),
                pingStats.p99Nanos(),
                "—",
                true,
                0);

        progress("pipelined: %d in flight, 2 rounds of %d ms each", IN_FLIGHT, PIPELINE_ROUND.toMillis());
        Measure.Rate[] rates = Measure.pipelinedRounds(
                new Measure.Op[] {read, ping, floor}, IN_FLIGHT, PIPELINE_ROUND, 2, new CpuMeter(server.directory()));
        row(
                "Read-outs/s, " + IN_FLIGHT + " in flight",
                String.format(Locale.ROOT, "%.0f/s", rates[0].perSecond()),
                String.format(Locale.ROOT, "ping %.0f/s", rates[1].perSecond()),
                rates[0].perSecond(),
                rates[1].perSecond(),
                "≥ 0.8×",
                false,
                0.8);
        row(
                "  Wire floor/s, " + IN_FLIGHT + " in flight",
                String.format(Locale.ROOT, "%.0f/s", rates[2].perSecond()),
                String.format(Locale.ROOT, "ping %.0f/s", rates[1].perSecond()),
                rates[2].perSecond(),
                rates[1].perSecond(),
                "—",
                false,
                0);
        row(
                "  JVM CPU per read-out (client + thing), pipelined",
                micros(rates[0].jvmMicrosPerOp()),
                "ping " + micros(rates[1].jvmMicrosPerOp()),
                rates[0].jvmMicrosPerOp(),
                rates[1].jvmMicrosPerOp(),
                "—",
                true,
                0);
        row(
                "  JVM CPU per wire floor, pipelined",
                micros(rates[2].jvmMicrosPerOp()),
                "ping " + micros(rates[1].jvmMicrosPerOp()),
                rates[2].jvmMicrosPerOp(),
                rates[1].jvmMicrosPerOp(),
                "—",
                true,
                0);
        row(
                "  Prosody CPU per read-out, pipelined",
                micros(rates[0].prosodyMicrosPerOp()),
                "ping " + micros(rates[1].prosodyMicrosPerOp()),
                rates[0].prosodyMicrosPerOp(),
                rates[1].prosodyMicrosPerOp(),
                "—",
                true,
                0);
        row(
                "  Prosody CPU per wire floor, pipelined",
                micros(rates[2].prosodyMicrosPerOp()),
                "ping " + micros(rates[1].prosodyMicrosPerOp()),
                rates[2].prosodyMicrosPerOp(),
                rates[1].prosodyMicrosPerOp(),
                "—",
                true,
                0);

        smackRows(server, readStats, client, readClient, target);
        heapRow(server);
        scaleRows(server);
    }

    private void scaleRows(ProsodyServer server) throws Exception {
        if (REGISTRY_THINGS > 0) {
            progress("registry: filling %d things, then %d searches", REGISTRY_THINGS, ROUNDS / 4);
            ScaleRows.Search r = ScaleRows.registrySearch(server, REGISTRY_THINGS, ROUNDS / 4);
            String what =
                    String.format(Locale.ROOT, "Registry search, %,d things, 2 operators, maxCount 20", r.things());
            row(
                    what + ", median",
                    micros(r.search().medianMicros()),
                    "ping " + micros(r.ping().medianMicros()),
                    r.search().medianNanos(),
                    r.ping().medianNanos(),
                    "—",
                    true,
                    0);
            row(
                    what + ", p99",
                    micros(r.search().p99Micros()),
                    "ping " + micros(r.ping().p99Micros()),
                    r.search().p99Nanos(),
                    r.ping().p99Nanos(),
                    "—",
                    true,
                    0);
            notes.add(String.format(
                    Locale.ROOT,
                    "registry filled with %,d things (H2 file database) in %.1f s;" + " the last search found %d",
                    r.things(),
                    r.fillSeconds(),
                    r.pageSize()));
        }
        if (HUB_NODES > 0) {
            progress("hub: %d nodes, 3 full read-outs", HUB_NODES);
            ScaleRows.HubReadout h = ScaleRows.hubReadout(server, HUB_NODES, 3);
            rows.add(new String[] {
                String.format(Locale.ROOT, "Hub read-out of all %,d nodes (1 field each), median of 3", h.nodes()),
                String.format(Locale.ROOT, "%.0f ms", h.readout().medianMicros() / 1000),
                String.format(Locale.ROOT, "%.0f µs per node", h.readout().medianMicros() / h.nodes()),
                "—",
                "—",
                ""
            });
            notes.add(String.format(
                    Locale.ROOT, "hub of %,d nodes started from its file in %.1f s", h.nodes(), h.startSeconds()));
        }
    }

    private void smackRows(
            ProsodyServer server, Stats ours, XMPPTCPConnection client, SensorDataClient readClient, Jid ourThing)
            throws Exception {
        if (PeerProcess.jar() == null) {
            notes.add("Smack rows skipped: " + PeerProcess.DEFAULT_JAR
                    + " not built (mvn -pl interop-smack-peer package)");
            return;
        }
        for (String socket : new String[] {"default", "nodelay"}) {
            progress("Smack client and thing, %s socket, %d rounds", socket, ROUNDS);
            String pingLine;
            String readLine;
            Stats[] oursOnSmack = null;
            try (PeerProcess thing = PeerProcess.start(server, "smackthing-" + socket, "bench-thing", socket)) {
                String jid = thing.awaitLine("READY ", 60).substring("READY ".length());
                try (PeerProcess smackClient = PeerProcess.start(
                        server, "smackclient-" + socket, "bench-read", jid, String.valueOf(ROUNDS), socket)) {
                    pingLine = smackClient.awaitLine("BENCH ping ", 240);
                    readLine = smackClient.awaitLine("BENCH read ", 60);
                }
                if ("nodelay".equals(socket)) {
                    // the same Thing, the same wire, only the client differs; Smack's Thing is warm by now
                    progress("our client reading Smack's thing, %d rounds", ROUNDS);
                    Jid smackThing = JidCreate.from(jid);
                    oursOnSmack = Measure.alternating(
                            ROUNDS,
                            () -> ping(client, smackThing),
                            () -> readClient
                                    .read(smackThing, BenchThings.MOMENTARY)
                                    .thenApply(EndToEnd::checkFields));
                }
            }
            long[] sp = parseBench(pingLine);
            long[] sr = parseBench(readLine);
            String label = "default".equals(socket) ? "Smack's default socket" : "TCP_NODELAY";
            row(
                    "Smack→Smack read-out (" + label + "), median, vs ours",
                    micros(sr[0]),
                    "ours " + micros(ours.medianMicros()),
                    ours.medianNanos(),
                    sr[0] * 1000,
                    "ours ≤ 1.0×",
                    true,
                    1.0);
            row(
                    "Smack→Smack read-out (" + label + "), p99, vs ours",
                    micros(sr[1]),
                    "ours " + micros(ours.p99Micros()),
                    ours.p99Nanos(),
                    sr[1] * 1000,
                    "ours ≤ 1.0×",
                    true,
                    1.0);
            row(
                    "  Smack's own read-out / ping (" + label + "), median",
                    micros(sr[0]),
                    "ping " + micros(sp[0]),
                    sr[0],
                    sp[0],
                    "—",
                    true,
                    0);
            if (oursOnSmack != null) {
                Stats p = oursOnSmack[0];
                Stats r = oursOnSmack[1];
                row(
                        "  Our client → Smack's thing (same thing and wire as Smack's client), median",
                        micros(r.medianMicros()),
                        "Smack's client " + micros(sr[0]),
                        r.medianNanos(),
                        sr[0] * 1000,
                        "ours ≤ 1.0×",
                        true,
                        1.0);
                row(
                        "  Our client → Smack's thing, median, over our ping to it",
                        micros(r.medianMicros()),
                        "ping " + micros(p.medianMicros()),
                        r.medianNanos(),
                        p.medianNanos(),
                        "—",
                        true,
                        0);
            }
        }
        progress("Smack's client reading our thing, TCP_NODELAY, %d rounds", ROUNDS);
        try (PeerProcess smackClient = PeerProcess.start(
                server, "smackclient-ours", "bench-read", ourThing.toString(), String.valueOf(ROUNDS), "nodelay")) {
            long[] sp = parseBench(smackClient.awaitLine("BENCH ping ", 240));
            long[] sr = parseBench(smackClient.awaitLine("BENCH read ", 60));
            row(
                    "  Smack's client → our thing (TCP_NODELAY), median, over its ping",
                    micros(sr[0]),
                    "ping " + micros(sp[0]),
                    sr[0],
                    sp[0],
                    "—",
                    true,
                    0);
        }
    }

    private void heapRow(ProsodyServer server) throws Exception {
        progress("heap: connecting %d things", HEAP_THINGS);
        long before = usedHeapAfterGc();
        int threadsBefore = Thread.activeCount();
        List<XMPPTCPConnection> things = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < HEAP_THINGS; i++) {
            XMPPTCPConnection c = server.connect("heap" + i);
            BenchThings.serve(c);
            things.add(c);
        }
        long connectNanos = System.nanoTime() - t0;
        long after = usedHeapAfterGc();
        int threads = Thread.activeCount() - threadsBefore;
        rows.add(new String[] {
            "Heap per connected thing (SensorDataServer + ControlServer)",
            String.format(Locale.ROOT, "%.0f KiB", (after - before) / 1024.0 / HEAP_THINGS),
            HEAP_THINGS + " things",
            "—",
            "—",
            ""
        });
        notes.add(String.format(
                Locale.ROOT,
                "%d things: %.1f threads each, connected in %.1f s",
                HEAP_THINGS,
                threads / (double) HEAP_THINGS,
                connectNanos / 1e9));
        for (XMPPTCPConnection c : things) {
            c.disconnect();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Sends a XEP-0199 ping as a raw IQ.
     *
     * @param client the sender
     * @param target the full JID to ping
     * @return completes with the pong
     */
    static CompletableFuture<?> ping(XMPPConnection client, Jid target) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Ping ping = new Ping(target);
        client.sendIqRequestAsync(ping, TimeUnit.SECONDS.toMillis(Measure.TIMEOUT_SECONDS))
                .onSuccess(f::complete)
                .onError(f::completeExceptionally);
        return f;
    }

    private static Readout checkFields(Readout r) {
        if (r.fields().size() != BenchThings.FIELD_COUNT || r.hasFailures()) {
            throw new IllegalStateException("read-out returned " + r.fields().size() + " fields and "
                    + r.failures().size() + " failures, expected " + BenchThings.FIELD_COUNT + " fields");
        }
        return r;
    }

    /** The managers registered our providers; Smack's must not have replaced them. */
    private static void verifyOurProviders() {
        SmackIsolation.verifyDisabled();
        String sd = "urn:xmpp:iot:sensordata";
        check((Object) ProviderManager.getExtensionProvider("fields", sd) instanceof FieldsProvider, "fields");
        check(ProviderManager.getIQProvider("set", "urn:xmpp:iot:control") instanceof SetRequestProvider, "set IQ");
        check(
                (Object) ProviderManager.getExtensionProvider("set", "urn:xmpp:iot:control")
                        instanceof ControlSetProvider,
                "set");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("xmpp-iot's provider for " + what + " is not the one registered");
        }
    }

    private static long[] parseBench(String line) {
        String[] p = line.split(" ");
        return new long[] {Long.parseLong(p[2]), Long.parseLong(p[3])};
    }

    private void row(
            String what,
            String value,
            String baseline,
            double num,
            double den,
            String target,
            boolean lowerIsBetter,
            double limit) {
        double ratio = num / den;
        String met = limit == 0 ? "" : (lowerIsBetter ? ratio <= limit : ratio >= limit) ? "met" : "MISSED";
        rows.add(new String[] {what, value, baseline, String.format(Locale.ROOT, "%.2f×", ratio), target, met});
    }

    private static String micros(double us) {
        return String.format(Locale.ROOT, "%.0f µs", us);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    private void print(Duration elapsed) {
        String[] header = {"Measurement", "Value", "Baseline", "Ratio", "Target", ""};
        System.out.println();
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|---|---:|---:|---:|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        System.out.println();
        for (String n : notes) {
            System.out.println("- " + n);
        }
        System.out.println("- XML parser in this JVM: "
                + SmackXmlParser.getXmlPullParserFactory().getClass().getName());
        System.out.printf(
                Locale.ROOT,
                "- total time %.0f s; %s, %d cores, %s%n",
                elapsed.toMillis() / 1000.0,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"));
    }
}
