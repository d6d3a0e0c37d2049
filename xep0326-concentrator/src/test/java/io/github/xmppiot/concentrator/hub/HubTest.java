package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.hal.DigitalLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub without XMPP: loading, building driver nodes on the mock backend, persisting changes, restarting. */
class HubTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            {
              "rootId": "Hub",
              "hal": { "backend": "mock" },
              "nodes": [
                { "id": "Heater", "type": "relay", "parameters": { "pin": 17 } },
                { "id": "Climate", "type": "bme280", "parameters": { "bus": 1, "address": 118 } }
              ]
            }
            """;

    private Hub start(Path file) throws Exception {
        return Hub.builder().config(file).build().start();
    }

    private static SensorData read(Thing t) throws Exception {
        return t.read(ReadScope.ALL, Clock.systemUTC()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Map<String, Value> config(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Integer n ? new IntValue(n) : BooleanValue.of((Boolean) v));
        }
        return m;
    }

    @Test
    void buildsDriverNodesFromTheFileWithASimulatedBme280() throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, CONFIG);
        try (Hub hub = start(file)) {
            NodeTree tree = hub.tree();
            assertThat(tree.all()).extracting(TreeNode::nodeId).containsExactly("Hub", "Heater", "Climate");
            SensorData climate = read(tree.thing("Climate").orElseThrow());
            assertThat(climate.failures()).isEmpty();
            assertThat(climate.fields())
                    .extracting(f -> f.field().name() + "=" + f.field().value().lexical())
                    .contains("Temperature=25.08", "Pressure=1006.53");
            tree.thing("Heater")
                    .orElseThrow()
                    .parameter("Output")
                    .orElseThrow()
                    .apply(BooleanValue.of(true))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(hub.mockHal().orElseThrow().pin(17).level()).isEqualTo(DigitalLevel.HIGH);
        }
    }

    @Test
    void everyChangeIsWrittenAtomicallyAndARestartServesTheSameNodes() throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, CONFIG);
        try (Hub hub = start(file)) {
            NodeTree tree = hub.tree();
            tree.add("Hub", "dimmable-led", "Lamp", config("pin", 18));
            assertThat(HubConfig.read(file).nodes())
                    .extracting(HubConfig.Node::id)
                    .containsExactly("Heater", "Climate", "Lamp");
            // same pin, other polarity: the old device is released before the new one opens the pin
            tree.reconfigure("Heater", "Boiler", config("pin", 17, "activeLow", true));
            tree.move("Lamp", true);
            tree.remove("Climate");
            assertThat(hub.lastWriteFailure()).isEmpty();
        }
        HubConfig saved = HubConfig.read(file);
        assertThat(saved.nodes()).extracting(HubConfig.Node::id).containsExactly("Boiler", "Lamp");
        assertThat(saved.nodes().get(0).parameters()).containsEntry("pin", "17").containsEntry("activeLow", "true");
        assertThat(Files.readString(file)).contains("\"activeLow\": true", "\"pin\": 17");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
        try (Hub again = start(file)) {
            assertThat(again.tree().all()).extracting(TreeNode::nodeId).containsExactly("Hub", "Boiler", "Lamp");
            assertThat(again.tree().get("Boiler").orElseThrow().configuration().get("activeLow"))
                    .isEqualTo(BooleanValue.of(true));
            // active-low relay starts off: pin high
            assertThat(again.mockHal().orElseThrow().pin(17).level()).isEqualTo(DigitalLevel.HIGH);
        }
    }

    @Test
    void aMissingFileIsCreatedEmptyOnTheMockBackend() throws Exception {
        Path file = dir.resolve("new.json");
        try (Hub hub = start(file)) {
            assertThat(hub.tree().size()).isEqualTo(1);
            assertThat(HubConfig.read(file)).isEqualTo(HubConfig.empty("Hub", "mock"));
        }
    }

    @Test
    void anInvalidFileStopsTheStartNamingNodeAndParameter() throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, CONFIG.replace("\"pin\": 17", "\"pin\": 99, \"colour\": \"red\""));
        assertThatThrownBy(() -> start(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodes[0] (Heater)")
                .hasMessageContaining("pin: Must be at most 53.")
                .hasMessageContaining("colour: not a parameter of relay");
        Files.writeString(file, CONFIG.replace("\"relay\"", "\"toaster\""));
        assertThatThrownBy(() -> start(file)).hasMessageContaining("unknown node type toaster");
        Files.writeString(file, CONFIG.replace("\"nodes\"", "\"nodez\""));
        assertThatThrownBy(() -> start(file)).hasMessageContaining("unknown member \"nodez\"");
        Files.writeString(file, "{ \"rootId\": \"Hub\",\n  \"hal\": { \"backend\": \"mock\" ");
        assertThatThrownBy(() -> start(file)).hasMessageContaining("line 2");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("an invalid file is never overwritten")
                .startsWith("{ \"rootId\"");
    }

    @Test
    void twoNodesOnOnePinFailAndTheFileKeepsOnlyTheFirst() throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, CONFIG);
        try (Hub hub = start(file)) {
            assertThatThrownBy(() -> hub.tree().add("Hub", "led", "Led", config("pin", 17)));
            assertThat(hub.tree().get("Led")).isEmpty();
            assertThat(HubConfig.read(file).nodes())
                    .extracting(HubConfig.Node::id)
                    .containsExactly("Heater", "Climate");
        }
    }

    @Test
    void closeGivesTheExecutorsBackAndIsIdempotent() throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, CONFIG);
        IotExecutors executors =
                IotExecutors.builder().name("hub-test").workThreads(2).build();
        Hub hub = Hub.builder().config(file).executors(executors).build().start();
        assertThat(executors.activeLeases()).isEqualTo(1);
        assertThat(read(hub.tree().thing("Climate").orElseThrow()).failures()).isEmpty();
        hub.close();
        assertThat(executors.activeLeases()).isZero();
        hub.close();
        assertThat(executors.activeLeases()).isZero();
        assertThatThrownBy(hub::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build a new Hub");
        try (Hub again = Hub.builder().config(file).executors(executors).build().start()) {
            assertThat(again.tree().all()).extracting(TreeNode::nodeId).containsExactly("Hub", "Heater", "Climate");
            assertThat(executors.activeLeases()).isEqualTo(1);
        }
        assertThat(executors.activeLeases()).isZero();
    }
}
