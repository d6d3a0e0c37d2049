package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.ThingDiscoveryManager;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.sensordata.ReadoutLimits;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * What the limits of issue 15 cost, through a real Prosody on loopback: the round trip of each refused request next
 * to a ping between the same connections, and a friend's read-out while a stranger floods the Thing with requests
 * that are all refused. Prints one table; {@code bench.rounds} (default 300) sets the rounds per row,
 * {@code bench.flood} (default 2000) the stranger's requests per flood.
 */
public final class LimitsCost {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
    private static final int FLOOD = Integer.getInteger("bench.flood", 2000);

    private LimitsCost() {}

    /**
     * Runs the measurements.
     *
     * @param args none
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        SmackIsolation.disableSmackExperimental();
        try (ProsodyServer server = ProsodyServer.start(
                ProsodyOptions.builder().tls(false).logLevel("info").build())) {
            run(server);
        }
        System.exit(0); // Smack's reconnection and ping timers are non-daemon threads
    }

    private static void run(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        Thing t = Thing.builder("T")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("21.5", "°C")))))
                .build();
        SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(ThingDirectory.of(t))
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .readoutLimits(new ReadoutLimits(16, 1, 128, 256, Duration.ofHours(24))));
        Jid to = thing.getUser();
        String later = Instant.now().plus(Duration.ofHours(1)).toString();
        expect(null, raw(client, to, 0, Map.of("when", later)));
        int[] seq = {1};
        Map<String, Supplier<CompletableFuture<Condition>>> rows = new LinkedHashMap<>();
        rows.put("ping (baseline)", () -> EndToEnd.ping(client, to).thenApply(x -> null));
        rows.put("read-out accepted, 1 field", () -> raw(client, to, seq[0]++, Map.of()));
        rows.put(
                "req with 5,000 tokens -> bad-request",
                () -> raw(client, to, seq[0]++, Map.of("serviceToken", tokens(5000))));
        rows.put(
                "req with when=9999 -> bad-request",
                () -> raw(client, to, seq[0]++, Map.of("when", "9999-12-31T00:00:00Z")));
        rows.put("2nd queued req -> resource-constraint", () -> raw(client, to, seq[0]++, Map.of("when", later)));
        XMPPTCPConnection registryConnection = server.connect("registry");
        XMPPTCPConnection stranger = server.connect("stranger");
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(
                        Files.createTempDirectory("limits").resolve("r"));
                ThingRegistry registry = ThingRegistry.start(
                        registryConnection,
                        storage,
                        ThingRegistrySettings.builder()
                                .options(RegistryOptions.defaults().withMaxRecordsPerJid(1))
                                .build())) {
            OwnerDiscoveryManager searcher = OwnerDiscoveryManager.getInstanceFor(stranger);
            searcher.update(b -> b.registry(registryConnection.getUser()));
            ThingDiscoveryManager device = ThingDiscoveryManager.getInstanceFor(stranger);
            device.update(b -> b.registry(registryConnection.getUser()));
            expect(null, condition(device.register(List.of(MetaTag.str("SN", "1")), NodeRef.of("n0"), false)));
            List<SearchOperator> many = new ArrayList<>();
            for (int i = 0; i < 8000; i++) {
                many.add(new StringComparison(Comparison.NEQ, "T" + i, "v"));
            }
            List<SearchOperator> some = many.subList(0, 21);
            rows.put("search, 21 operators -> bad-request", () -> condition(searcher.search(some, 0, null)));
            rows.put(
                    "search, 8,000 operators (255 KB) -> bad-request", () -> condition(searcher.search(many, 0, null)));
            XMPPTCPConnection nobody = server.connect("nobody");
            rows.put("same 255 KB search to a client (wire floor)", () -> {
                io.github.xmppiot.discovery.element.Search floor =
                        new io.github.xmppiot.discovery.element.Search(many, 0, null);
                floor.setTo(nobody.getUser());
                return sendIq(stranger, floor);
            });
            rows.put(
                    "register 2nd node -> resource-constraint",
                    () -> condition(
                            device.register(List.of(MetaTag.str("SN", "2")), NodeRef.of("n" + seq[0]++), false)));
            System.out.printf("%-48s %12s %12s  %s%n", "request", "median µs", "p99 µs", "answer");
            for (Map.Entry<String, Supplier<CompletableFuture<Condition>>> row : rows.entrySet()) {
                Condition answer = row.getValue().get().get(60, TimeUnit.SECONDS);
                Stats s = Measure.alternating(ROUNDS, () -> row.getValue().get())[0];
                System.out.printf(
                        "%-48s %12.0f %12.0f  %s%n",
                        row.getKey(), s.medianMicros(), s.p99Micros(), answer == null ? "result" : answer);
            }
        }
        flood(server);
    }

    /** A friend's read-out, idle and while a stranger's burst of refused requests is in flight. */
    private static void flood(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = server.connect("device");
        XMPPTCPConnection friend = server.connect("friend");
        XMPPTCPConnection stranger = server.connect("stranger2");
        Thing t = Thing.builder("T")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("21.5", "°C")))))
                .build();
        SensorDataServer.getInstanceFor(device).update(b -> b.things(ThingDirectory.of(t)));
        Friendship.establish(device, friend, Duration.ofSeconds(20));
        SensorDataClient reader = SensorDataClient.getInstanceFor(friend);
        Measure.Op read = () -> reader.read(
                device.getUser(), ReadoutRequest.builder().momentary().build());
        Stats idle = Measure.alternating(ROUNDS, read)[0];
        List<CompletableFuture<Condition>> burst = new ArrayList<>();
        long[] during = new long[ROUNDS];
        int n = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            burst.add(raw(stranger, device.getUser(), i, i % 2 == 0 ? Map.of("deviceToken", tokens(40)) : Map.of()));
        }
        while (n < ROUNDS && burst.stream().anyMatch(f -> !f.isDone())) {
            long s = System.nanoTime();
            read.start().get(60, TimeUnit.SECONDS);
            during[n++] = System.nanoTime() - s;
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        double floodMs = (System.nanoTime() - t0) / 1e6;
        long refused = burst.stream()
                .map(CompletableFuture::join)
                .filter(c -> c != null)
                .count();
        System.out.printf("%nfriend's read-out, idle:                      %s%n", idle);
        System.out.printf(
                "friend's read-out during a stranger's flood:  %s%n",
                n == 0 ? "(flood answered before the first read-out)" : Stats.of(java.util.Arrays.copyOf(during, n)));
        System.out.printf(
                "stranger's flood: %d requests, %d refused, all answered in %.0f ms%n", FLOOD, refused, floodMs);
    }

    private static String tokens(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("tok").append(i).append(' ');
        }
        return sb.toString().trim();
    }

    private static void expect(Condition expected, CompletableFuture<Condition> f) throws Exception {
        Condition c = f.get(60, TimeUnit.SECONDS);
        if (c != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + c);
        }
    }

    private static CompletableFuture<Condition> condition(CompletableFuture<?> f) {
        return f.handle((v, e) -> {
            Throwable t = e;
            while (t != null && t.getCause() != null && !(t instanceof IotErrorException)) {
                t = t.getCause();
            }
            if (e == null) {
                return null;
            }
            if (t instanceof IotErrorException x) {
                return x.condition();
            }
            throw new IllegalStateException(e);
        });
    }

    private static CompletableFuture<Condition> sendIq(XMPPConnection from, IQ iq) {
        CompletableFuture<Condition> f = new CompletableFuture<>();
        from.sendIqRequestAsync(iq, 60_000).onSuccess(r -> f.complete(null)).onError(e -> {
            if (e instanceof XMPPException.XMPPErrorException x) {
                f.complete(x.getStanzaError().getCondition());
            } else {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static CompletableFuture<Condition> raw(XMPPConnection from, Jid to, int seqnr, Map<String, String> extra) {
        IQ iq = new IQ("req", SensorDataServer.NAMESPACE) {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.attribute("seqnr", seqnr);
                xml.attribute("momentary", "true");
                extra.forEach(xml::attribute);
                xml.setEmptyElement();
                return xml;
            }
        };
        iq.setType(IQ.Type.get);
        iq.setTo(to);
        CompletableFuture<Condition> f = new CompletableFuture<>();
        from.sendIqRequestAsync(iq, 60_000).onSuccess(r -> f.complete(null)).onError(e -> {
            if (e instanceof XMPPException.XMPPErrorException x) {
                f.complete(x.getStanzaError().getCondition());
            } else {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
