package io.github.xmppiot.benchmarks;

import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.ThingKey;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.ProsodyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The scale rows of the end-to-end benchmark: a XEP-0347 registry search over many claimed public Things, and a
 * XEP-0323 read-out of every node of a XEP-0326 hub, both through Prosody.
 */
final class ScaleRows {

    private ScaleRows() {}

    /**
     * Result of {@link #registrySearch}.
     *
     * @param things      Things in the registry
     * @param fillSeconds time to fill the database
     * @param search      search round trips
     * @param ping        ping round trips to the registry, interleaved with the searches
     * @param pageSize    Things found by the last search
     */
    record Search(int things, double fillSeconds, Stats search, Stats ping, int pageSize) {}

    /**
     * Fills an H2 registry with claimed public Things (seven tags each, as the module's own SearchBenchmark), serves
     * it with {@link ThingRegistry}, and times searches ({@code strEq MAN} matching 1 % of the Things plus
     * {@code numRange V}, page of 20) from an owner over Prosody, alternating with pings to the registry.
     */
    static Search registrySearch(ProsodyServer server, int things, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("bench-registry");
        Random random = new Random(347);
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("registry"))) {
            long t0 = System.nanoTime();
            for (int batch = 0; batch < things; batch += 1000) {
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
            double fill = (System.nanoTime() - t0) / 1e9;
            XMPPTCPConnection registryConnection = server.connect("registry");
            ThingRegistry registry = ThingRegistry.start(registryConnection, storage);
            try {
                XMPPTCPConnection owner = server.connect("owner");
                Jid registryJid = registryConnection.getUser();
                OwnerDiscoveryManager discovery = OwnerDiscoveryManager.getInstanceFor(owner);
                discovery.update(b -> b.registry(registryJid));
                int[] n = {0};
                int[] page = {0};
                Measure.Op search = () -> {
                    int i = n[0]++;
                    CompletableFuture<SearchResult> f = discovery.search(
                            List.of(
                                    new StringComparison(Comparison.EQ, "MAN", "man-" + (i % 100) + ".example"),
                                    new NumericRange(
                                            false, "V", String.valueOf(i % 9), true, String.valueOf(i % 9 + 1), false)),
                            0,
                            20);
                    return f.thenApply(r -> page[0] = r.things().size());
                };
                Stats[] s = Measure.alternating(rounds, () -> EndToEnd.ping(owner, registryJid), search);
                return new Search(things, fill, s[1], s[0], page[0]);
            } finally {
                registry.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Result of {@link #hubReadout}.
     *
     * @param nodes        nodes read
     * @param startSeconds time to start the hub from its file
     * @param readout      read-out round trips
     */
    record HubReadout(int nodes, double startSeconds, Stats readout) {}

    /** A simulated thermometer: no hardware, so ten thousand fit on one machine. */
    private static final class Thermometer implements NodeType {
        @Override
        public String type() {
            return "bench.Thermometer";
        }

        @Override
        public String name() {
            return "Simulated thermometer";
        }

        @Override
        public List<NodeParameterSpec> parameters() {
            return List.of(NodeParameterSpec.required("channel", "Channel:", ValueType.INT));
        }

        @Override
        public Thing create(NodeRef node, Map<String, Value> configuration) {
            int channel = ((IntValue) configuration.get("channel")).value();
            Value v = new IntValue(2000 + channel % 500);
            return Thing.builder(node).sensor(Sensor.of("Temperature", () -> v)).build();
        }
    }

    /**
     * Starts a hub of simulated thermometers from a configuration file and reads every node's momentary field over
     * XEP-0323 through Prosody, {@code rounds} times after one warm-up read-out.
     */
    static HubReadout hubReadout(ProsodyServer server, int nodes, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("bench-hub");
        try {
            StringBuilder json =
                    new StringBuilder("{ \"rootId\": \"Hub\", \"hal\": { \"backend\": \"mock\" }, \"nodes\": [\n");
            for (int i = 0; i < nodes; i++) {
                json.append(i == 0 ? "" : ",\n")
                        .append("{ \"id\": \"T")
                        .append(i)
                        .append("\", \"type\": \"bench.Thermometer\", \"parameters\": { \"channel\": ")
                        .append(i)
                        .append(" } }");
            }
            Path file = dir.resolve("hub.json");
            Files.writeString(file, json.append("\n] }\n"));
            XMPPTCPConnection hubConnection = server.connect("benchhub");
            XMPPTCPConnection client = server.connect("hubclient");
            long t0 = System.nanoTime();
            try (Hub hub = Hub.builder()
                    .config(file)
                    .connection(hubConnection)
                    .nodeType(new Thermometer())
                    .accessPolicy(AccessPolicy.allowEveryone())
                    .build()
                    .start()) {
                double start = (System.nanoTime() - t0) / 1e9;
                if (hub.tree().size() != nodes + 1) {
                    throw new IllegalStateException("hub has " + hub.tree().size() + " nodes, expected " + (nodes + 1));
                }
                SensorDataClient sd = SensorDataClient.getInstanceFor(client);
                ReadoutRequest all = ReadoutRequest.builder()
                        .momentary()
                        .timeout(Duration.ofMinutes(2))
                        .build();
                Jid to = hubConnection.getUser();
                Measure.Op read = () -> sd.read(to, all).thenApply(r -> check(r, nodes));
                Stats s = Measure.alternating(rounds, read)[0];
                return new HubReadout(nodes, start, s);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Readout check(Readout r, int nodes) {
        if (r.fields().size() != nodes || r.hasFailures()) {
            throw new IllegalStateException(
                    "hub read-out returned " + r.fields().size() + " fields and "
                            + r.failures().size() + " failures, expected " + nodes + " fields");
        }
        return r;
    }
}
