package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeCommandClient;
import io.github.xmppiot.concentrator.NodeQuery;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * A client manages a hub's driver nodes over a real Prosody server: XEP-0326 to list, create, edit and destroy nodes
 * (with events), XEP-0323 to read the new BME280, XEP-0325 to switch the new relay; the hub's file follows every
 * change, and a restarted hub serves the same nodes.
 */
@ProsodyTest
class HubIT {

    private static final int WAIT = 20;

    @TempDir
    Path dir;

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    private static NodeRef ref(String id) {
        return NodeRef.of(id, NodeTree.SOURCE_ID);
    }

    private static DataForm submit(String... kv) {
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        for (int i = 0; i < kv.length; i += 2) {
            b.addField(FormField.textSingleBuilder(kv[i]).setValue(kv[i + 1]).build());
        }
        return b.build();
    }

    private static NodeEvent next(BlockingQueue<NodeEvent> events) throws InterruptedException {
        NodeEvent e = events.poll(WAIT, TimeUnit.SECONDS);
        assertThat(e).as("an event within " + WAIT + " s").isNotNull();
        return e;
    }

    // Own account names: Smack caches disco#info by full JID in static caches, shared with ConcentratorIT's "hub".
    @Test
    void clientManagesDriverNodesReadsAndControlsThemAndTheHubSurvivesARestart(ProsodyServer server) throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, """
                { "rootId": "Hub", "hal": { "backend": "mock" },
                  "nodes": [ { "id": "Porch", "type": "led", "parameters": { "pin": 5 } } ] }
                """);
        XMPPTCPConnection hubConn = server.connect("hubit");
        XMPPTCPConnection clientConn = server.connect("hubitclient");
        Friendship.establish(hubConn, clientConn, java.time.Duration.ofSeconds(WAIT));
        IotExecutors executors = IotExecutors.builder().name("hub-it").build();
        Hub hub = Hub.builder()
                .config(file)
                .connection(hubConn)
                .executors(executors)
                .build()
                .start();
        assertThat(executors.activeLeases())
                .as("the hub's and its three servers' (0326, 0323, 0325)")
                .isEqualTo(4);
        Jid to = hubConn.getUser();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(clientConn);

        assertThat(await(c.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("Hub", "Porch");
        BlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
        c.addEventListener((from, e) -> events.add(e));
        await(c.subscribe(to, NodeTree.SOURCE_ID, Set.of(NodeDetail.PARAMETERS)));
        assertThat(await(c.getAddableNodeTypes(to, ref("Hub"))))
                .extracting(AddableNodeType::type)
                .contains("relay", "led", "dimmable-led", "bme280", "bh1750", "pir");

        // a BME280 from its form; the mock backend gives it a simulated chip
        DataForm form = await(c.getParametersForNewNode(to, ref("Hub"), "bme280"));
        assertThat(form.getField("address").getValuesAsString()).containsExactly("118");
        await(c.createNewNode(to, ref("Hub"), "bme280", submit("id", "Climate", "bus", "1", "address", "118")));
        NodeEvent added = next(events);
        assertThat(added.kind()).isEqualTo(NodeEvent.Kind.NODE_ADDED);
        assertThat(added.node().nodeId()).isEqualTo("Climate");
        Readout climate = await(SensorDataClient.getInstanceFor(clientConn)
                .read(
                        to,
                        ReadoutRequest.builder()
                                .momentary()
                                .nodes(ref("Climate"))
                                .build()));
        assertThat(climate.failures()).isEmpty();
        assertThat(climate.field("Temperature").orElseThrow().field().value().lexical())
                .isEqualTo("25.08");
        assertThat(climate.field("Pressure").orElseThrow().field().value().lexical())
                .isEqualTo("1006.53");
        // the same values through the node's XEP-0326 query
        NodeQuery values = await(
                NodeCommandClient.getInstanceFor(clientConn).executeNodeQuery(to, ref("Climate"), "values", null));
        await(values.completion());
        assertThat(values.events("Climate"))
                .filteredOn(e -> e instanceof QueryEvent.NewRecords)
                .flatMap(e -> ((QueryEvent.NewRecords) e).records())
                .anySatisfy(row -> assertThat(row)
                        .startsWith(
                                new QueryEvent.Cell("string", "Temperature", null),
                                new QueryEvent.Cell("double", "25.08", null)));

        // a relay, switched over XEP-0325
        await(c.createNewNode(to, ref("Hub"), "relay", submit("id", "Heater", "pin", "17")));
        assertThat(next(events).node().nodeId()).isEqualTo("Heater");
        await(ControlClient.getInstanceFor(clientConn)
                .set(
                        to,
                        ControlRequest.builder()
                                .node(ref("Heater"))
                                .set("Output", true)
                                .build()));
        assertThat(hub.mockHal().orElseThrow().pin(17).level()).isEqualTo(DigitalLevel.HIGH);

        // edit: the relay moves to pin 22 (the device is rebuilt there)
        await(c.setNodeParametersAfterEdit(
                to, ref("Heater"), submit("id", "Heater", "pin", "22", "activeLow", "false")));
        NodeEvent updated = next(events);
        assertThat(updated.kind()).isEqualTo(NodeEvent.Kind.NODE_UPDATED);
        assertThat(updated.node().parameters()).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo("pin");
            assertThat(p.value().lexical()).isEqualTo("22");
        });
        assertThat(HubConfig.read(file).nodes().get(2).parameters()).containsEntry("pin", "22");
        await(ControlClient.getInstanceFor(clientConn)
                .set(
                        to,
                        ControlRequest.builder()
                                .node(ref("Heater"))
                                .set("Output", true)
                                .build()));
        assertThat(hub.mockHal().orElseThrow().pin(22).level()).isEqualTo(DigitalLevel.HIGH);

        // invalid forms: FormError with per-field errors, nothing created, file unchanged
        String before = Files.readString(file);
        ExecutionException bad = Assertions.assertThrows(
                ExecutionException.class,
                () -> await(c.createNewNode(
                        to, ref("Hub"), "relay", submit("id", "Heater", "pin", "99", "activeLow", "maybe"))));
        ConcentratorException ce = (ConcentratorException) bad.getCause();
        assertThat(ce.result()).isEqualTo(ResultCode.FORM_ERROR);
        assertThat(ce.errors()).extracting(ParameterError::var).containsExactlyInAnyOrder("id", "pin", "activeLow");
        ExecutionException badAddress = Assertions.assertThrows(
                ExecutionException.class,
                () -> await(c.createNewNode(to, ref("Hub"), "bme280", submit("id", "Climate2", "address", "120"))));
        assertThat(((ConcentratorException) badAddress.getCause()).errors())
                .extracting(ParameterError::var)
                .containsExactly("address");
        assertThat(hub.tree().size()).isEqualTo(4);
        assertThat(Files.readString(file)).isEqualTo(before);

        // destroy
        await(c.destroyNode(to, ref("Porch")));
        NodeEvent removed = next(events);
        assertThat(removed.kind()).isEqualTo(NodeEvent.Kind.NODE_REMOVED);
        assertThat(removed.node().nodeId()).isEqualTo("Porch");
        assertThat(events).as("no event for the refused forms").isEmpty();
        assertThat(HubConfig.read(file).nodes()).extracting(HubConfig.Node::id).containsExactly("Climate", "Heater");

        // restart: a new hub on the same file serves the same nodes
        ConcentratorServer served = ConcentratorServer.getInstanceFor(hubConn);
        hub.close();
        assertThat(executors.activeLeases()).isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(hubConn).includesFeature(ConcentratorServer.FEATURE))
                .isFalse();
        assertThat(ConcentratorServer.getInstanceFor(hubConn)).isNotSameAs(served);
        assertThat(ConcentratorServer.getInstanceFor(hubConn).settings().tree()).isNull();
        hubConn.disconnect();
        XMPPTCPConnection hubConn2 = server.connect("hubit");
        try (Hub again = Hub.builder().config(file).connection(hubConn2).build().start()) {
            Jid to2 = hubConn2.getUser();
            List<NodeInformation> nodes = await(c.getAllNodes(to2, NodeTree.SOURCE_ID, Set.of(NodeDetail.PARAMETERS)));
            assertThat(nodes).extracting(NodeInformation::nodeId).containsExactly("Hub", "Climate", "Heater");
            assertThat(nodes.get(2).parameters())
                    .anySatisfy(p -> assertThat(p.value().lexical()).isEqualTo("22"));
            Readout again1 = await(SensorDataClient.getInstanceFor(clientConn)
                    .read(
                            to2,
                            ReadoutRequest.builder()
                                    .momentary()
                                    .nodes(ref("Climate"))
                                    .build()));
            assertThat(again1.field("Temperature").orElseThrow().field().value().lexical())
                    .isEqualTo("25.08");
            assertThat(again.mockHal().orElseThrow().pin(22).level())
                    .as("relay starts off")
                    .isEqualTo(DigitalLevel.LOW);
        }
    }
}
