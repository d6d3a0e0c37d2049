package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.internal.NodeQueries;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * Scale benchmark, run by hand (not part of the build):
 * {@code mvn -o -pl xep0326-concentrator -am test -Dtest=HubBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * A hub with {@value #NODES} nodes is started from its file, read out in full over XEP-0323 through Prosody, and
 * answers {@code getAllNodes}: in process (request handling plus XML serialisation) and then over Prosody, where the
 * answer exceeds Prosody's default 256 KiB stanza limit and is refused with {@code OtherError}. Prints
 * times and heap; asserts only correctness, never times.
 */
@ProsodyTest
class HubBenchmark {

    static final int NODES = 10_000;

    @TempDir
    Path dir;

    /** A simulated thermometer: no hardware, so ten thousand fit on one machine. */
    static final class Thermometer implements NodeType {
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
            Value v = NumericValue.of(BigDecimal.valueOf(2000 + channel % 500, 2), "°C");
            return Thing.builder(node).sensor(Sensor.of("Temperature", () -> v)).build();
        }
    }

    private static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    @Test
    void tenThousandNodes(ProsodyServer server) throws Exception {
        StringBuilder json =
                new StringBuilder("{ \"rootId\": \"Hub\", \"hal\": { \"backend\": \"mock\" }, \"nodes\": [\n");
        for (int i = 0; i < NODES; i++) {
            json.append(i == 0 ? "" : ",\n")
                    .append("{ \"id\": \"T")
                    .append(i)
                    .append("\", \"type\": \"bench.Thermometer\", \"parameters\": { \"channel\": ")
                    .append(i)
                    .append(" } }");
        }
        Path file = dir.resolve("hub.json");
        Files.writeString(file, json.append("\n] }\n"));
        long heapBefore = heapMb();
        XMPPTCPConnection hubConn = server.connect("benchhub");
        XMPPTCPConnection clientConn = server.connect("benchclient");
        long t0 = System.nanoTime();
        Hub hub = Hub.builder()
                .config(file)
                .connection(hubConn)
                .nodeType(new Thermometer())
                .accessPolicy(AccessPolicy.allowEveryone())
                .build()
                .start();
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(hub.tree().size()).isEqualTo(NODES + 1);
        long heapHub = heapMb();
        report(
                "start (read " + Files.size(file) / 1024 + " KiB file, build " + NODES + " nodes)",
                startMs,
                heapHub - heapBefore);

        Jid to = hubConn.getUser();
        SensorDataClient sd = SensorDataClient.getInstanceFor(clientConn)
                .update(b -> b.defaultTimeout(java.time.Duration.ofMinutes(5)));
        for (int round = 1; round <= 3; round++) {
            t0 = System.nanoTime();
            Readout all = sd.read(
                            to,
                            ReadoutRequest.builder()
                                    .momentary()
                                    .timeout(java.time.Duration.ofMinutes(5))
                                    .build())
                    .get(5, TimeUnit.MINUTES);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(all.fields()).hasSize(NODES);
            assertThat(all.failures()).isEmpty();
            report("XEP-0323 read-out of all nodes over Prosody, round " + round, ms, heapMb() - heapBefore);
        }

        NodeQueries queries = new NodeQueries(hub.tree(), List.of());
        for (int round = 1; round <= 3; round++) {
            t0 = System.nanoTime();
            ConcentratorResponse r = queries.handle(ConcentratorRequest.builder(ConcentratorCommand.GET_ALL_NODES)
                            .sourceId(NodeTree.SOURCE_ID)
                            .flag("parameters", true)
                            .build())
                    .orElseThrow();
            String xml = r.toXML().toString();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.nodes()).hasSize(NODES + 1);
            report(
                    "getAllNodes in process (handle + serialise " + xml.length() / 1024 + " KiB), round " + round,
                    ms,
                    heapMb() - heapBefore);
        }

        ConcentratorClient cc = ConcentratorClient.getInstanceFor(clientConn);
        t0 = System.nanoTime();
        String outcome;
        try {
            int n = cc.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE)
                    .get(2, TimeUnit.MINUTES)
                    .size();
            outcome = n + " nodes received";
        } catch (Exception e) {
            outcome = "refused: " + e.getCause();
        }
        report(
                "getAllNodes over Prosody (" + outcome + ")",
                (System.nanoTime() - t0) / 1_000_000,
                heapMb() - heapBefore);
        assertThat(outcome).as("an oversized answer is refused, not sent").contains("OtherError");
        assertThat(hubConn.isConnected()).as("the hub's stream survives").isTrue();
        hub.close();
    }

    private static void report(String what, long ms, long heapMb) {
        System.out.printf("BENCH %-90s %7d ms   heap used +%d MiB%n", what, ms, heapMb);
    }
}
