package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.EjabberdServer;
import io.github.xmppiot.testkit.EjabberdTest;
import io.github.xmppiot.testkit.Friendship;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * The hub's main flow on the second server, ejabberd (see {@link HubIT} for the full flow on Prosody): XEP-0326 node
 * list, node events, add and remove a node, XEP-0323 read-out of the new node and XEP-0325 control of another, all
 * routed by ejabberd between two accounts that are friends.
 */
@EjabberdTest
class EjabberdHubIT {

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

    @Test
    void clientAddsReadsControlsAndRemovesHubNodesThroughEjabberd(EjabberdServer server) throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, """
                { "rootId": "Hub", "hal": { "backend": "mock" },
                  "nodes": [ { "id": "Porch", "type": "led", "parameters": { "pin": 5 } } ] }
                """);
        XMPPTCPConnection hubConn = server.connect("ejhub");
        XMPPTCPConnection clientConn = server.connect("ejhubclient");
        Friendship.establish(hubConn, clientConn, Duration.ofSeconds(WAIT));
        try (Hub hub = Hub.builder().config(file).connection(hubConn).build().start()) {
            Jid to = hubConn.getUser();
            ConcentratorClient c = ConcentratorClient.getInstanceFor(clientConn);
            assertThat(await(c.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE)))
                    .extracting(NodeInformation::nodeId)
                    .containsExactly("Hub", "Porch");
            BlockingQueue<NodeEvent> events = new LinkedBlockingQueue<>();
            c.addEventListener((from, e) -> events.add(e));
            await(c.subscribe(to, NodeTree.SOURCE_ID, Set.of(NodeDetail.PARAMETERS)));

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
            assertThat(climate.field("Temperature")
                            .orElseThrow()
                            .field()
                            .value()
                            .lexical())
                    .isEqualTo("25.08");

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

            await(c.destroyNode(to, ref("Porch")));
            NodeEvent removed = next(events);
            assertThat(removed.kind()).isEqualTo(NodeEvent.Kind.NODE_REMOVED);
            assertThat(removed.node().nodeId()).isEqualTo("Porch");
            assertThat(HubConfig.read(file).nodes())
                    .extracting(HubConfig.Node::id)
                    .containsExactly("Climate", "Heater");
        }
    }
}
