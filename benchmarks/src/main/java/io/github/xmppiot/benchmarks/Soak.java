package io.github.xmppiot.benchmarks;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * Soak run (issue #14): a Thing ({@link BenchThings}) and a hub on the mock HAL backend (a BME280 and a relay, so every
 * read-out and set goes through the simulated chips and pins) serve {@code soak.readouts} read-outs and
 * {@code soak.sets} control sets over loopback through one Prosody, 16 in flight. Control sets alternate between the
 * two; one read-out in {@code soak.hubEvery} (25) goes to the hub, whose simulated BME280 takes a real conversion time
 * per read-out (about 8 ms, one at a time), the rest to the Thing. Live heap after a full
 * GC and the JVM's thread count are taken after a warm-up ({@code soak.warmupReadouts}) and at the end; the run fails
 * (exit code 1) if either grew by more than 10 %. Not part of {@code mvn verify}:
 *
 * <pre>
 * java -Dsoak.readouts=1000000 -Dsoak.sets=100000 -cp benchmarks/target/benchmarks.jar io.github.xmppiot.benchmarks.Soak
 * </pre>
 */
public final class Soak {

    private static final long READOUTS = Long.getLong("soak.readouts", 1_000_000);
    private static final long SETS = Long.getLong("soak.sets", 100_000);
    private static final long WARMUP_READOUTS = Long.getLong("soak.warmupReadouts", 50_000);
    private static final int IN_FLIGHT = Integer.getInteger("soak.inFlight", 16);
    private static final int HUB_SHARE = Integer.getInteger("soak.hubEvery", 25);
    private static final double LIMIT = 1.10;

    private Soak() {}

    /**
     * Runs the soak and prints the figures.
     *
     * @param args none
     * @throws Exception if the setup fails
     */
    public static void main(String[] args) throws Exception {
        SmackIsolation.disableSmackExperimental();
        Result result;
        try (ProsodyServer server = ProsodyServer.start(
                ProsodyOptions.builder().tls(false).logLevel("info").build())) {
            result = run(server, READOUTS, SETS, WARMUP_READOUTS);
        }
        System.exit(result.withinLimit() ? 0 : 1); // Smack's ping timers are non-daemon threads
    }

    /**
     * What a soak run measured.
     *
     * @param heapAfterWarmUp live heap after a full GC after the warm-up, bytes
     * @param heapAtEnd       live heap after a full GC at the end, bytes
     * @param threadsAfterWarmUp JVM threads after the warm-up
     * @param threadsAtEnd    JVM threads at the end
     * @param mockWrites      writes the hub's simulated BME280 keeps
     */
    record Result(long heapAfterWarmUp, long heapAtEnd, int threadsAfterWarmUp, int threadsAtEnd, int mockWrites) {
        boolean withinLimit() {
            return heapAtEnd <= heapAfterWarmUp * LIMIT && threadsAtEnd <= threadsAfterWarmUp * LIMIT;
        }
    }

    static Result run(ProsodyServer server, long readouts, long setCount, long warmupReadouts) throws Exception {
        Path dir = Files.createTempDirectory("soak");
        Path config = dir.resolve("hub.json");
        Files.writeString(config, """
                { "rootId": "Hub", "hal": { "backend": "mock" },
                  "nodes": [ { "id": "Climate", "type": "bme280", "parameters": { "bus": 1, "address": 118 } },
                             { "id": "Heater", "type": "relay", "parameters": { "pin": 17 } } ] }
                """);
        XMPPTCPConnection thing = server.connect("soakthing");
        BenchThings.serve(thing);
        XMPPTCPConnection hubConn = server.connect("soakhub");
        XMPPTCPConnection client = server.connect("soakclient");
        Friendship.establish(hubConn, client, Duration.ofSeconds(30));
        try (Hub hub = Hub.builder().config(config).connection(hubConn).build().start()) {
            Jid thingJid = thing.getUser();
            Jid hubJid = hubConn.getUser();
            SensorDataClient reads = SensorDataClient.getInstanceFor(client);
            ControlClient sets = ControlClient.getInstanceFor(client);
            NodeRef climate = NodeRef.of("Climate", NodeTree.SOURCE_ID);
            NodeRef heater = NodeRef.of("Heater", NodeTree.SOURCE_ID);
            ReadoutRequest climateRead =
                    ReadoutRequest.builder().momentary().nodes(climate).build();
            ControlRequest setAll = BenchThings.setAll();
            long everySet = Math.max(1, readouts / Math.max(1, setCount));
            Op op = i -> {
                if (i % everySet == everySet - 1) {
                    boolean toHub = (i / everySet) % 2 == 0;
                    boolean on = (i / everySet / 2) % 2 == 0;
                    return toHub
                            ? sets.set(
                                    hubJid,
                                    ControlRequest.builder()
                                            .node(heater)
                                            .set("Output", on)
                                            .build())
                            : sets.set(thingJid, setAll);
                }
                boolean toHub = i % HUB_SHARE == 0;
                return toHub
                        ? reads.read(hubJid, climateRead).thenAccept(r -> check(!r.hasFailures(), "hub read-out"))
                        : reads.read(thingJid, BenchThings.MOMENTARY)
                                .thenAccept(r -> check(r.fields().size() == BenchThings.FIELD_COUNT, "thing read-out"));
            };
            long total = readouts + setCount;
            long warm = warmupReadouts + warmupReadouts / everySet;
            long t0 = System.nanoTime();
            progress("warm-up: %d operations", warm);
            pipeline(op, 0, warm);
            long heap0 = usedHeapAfterGc();
            int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
            progress("after warm-up: live heap %.1f MB, %d threads", heap0 / 1e6, threads0);
            long t1 = System.nanoTime();
            pipeline(op, warm, total);
            double seconds = (System.nanoTime() - t1) / 1e9;
            long heap1 = usedHeapAfterGc();
            int threads1 = ManagementFactory.getThreadMXBean().getThreadCount();
            int writes = hub.mockHal()
                    .orElseThrow()
                    .findI2cDevice(1, 118)
                    .map(d -> d.writes().size())
                    .orElse(0);
            Result result = new Result(heap0, heap1, threads0, threads1, writes);
            System.out.printf(
                    Locale.ROOT,
                    "%n| Soak | Value |%n|---|---:|%n"
                            + "| Read-outs (thing + hub, 1 in %d to the hub) | %d |%n| Control sets (thing + hub) | %d |%n"
                            + "| Duration after warm-up | %.0f s (%.0f operations/s) |%n"
                            + "| Live heap after full GC, after warm-up → end | %.1f MB → %.1f MB (%+.1f %%) |%n"
                            + "| Threads, after warm-up → end | %d → %d |%n| Mock writes kept by the hub's BME280 | %d |%n"
                            + "| Within 10 %% | %s |%n",
                    HUB_SHARE,
                    readouts,
                    setCount,
                    seconds,
                    (total - warm) / seconds,
                    heap0 / 1e6,
                    heap1 / 1e6,
                    100.0 * (heap1 - heap0) / heap0,
                    threads0,
                    threads1,
                    writes,
                    result.withinLimit() ? "yes" : "NO");
            progress("total %.0f s", (System.nanoTime() - t0) / 1e9);
            return result;
        }
    }

    /** One operation number {@code i}; completes when answered. */
    @FunctionalInterface
    interface Op {
        CompletableFuture<?> start(long i);
    }

    /** Runs operations {@code from} to {@code to} (exclusive), {@link #IN_FLIGHT} at a time; fails on the first error. */
    private static void pipeline(Op op, long from, long to) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, (to - from) / 10);
        for (long i = from; i < to && failure.get() == null; i++) {
            inFlight.acquire();
            op.start(i).whenComplete((r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                if (done.incrementAndGet() % step == 0) {
                    progress("%d of %d", done.get(), to - from);
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("operations still unanswered after 60 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an operation failed", failure.get());
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " returned unexpected data");
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void progress(String format, Object... args) {
        System.err.println("[soak] " + String.format(Locale.ROOT, format, args));
    }
}
