package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeCommandClient;
import io.github.xmppiot.concentrator.NodeQuery;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.testkit.StanzaLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * The hub served on a connection, used by clients over an in-memory link (every stanza through its XML): driver nodes
 * created, switched, edited and destroyed remotely are written to the file, and closing the hub stops its servers.
 */
class HubRoundTripTest {

    @TempDir
    Path dir;

    private final StanzaLink link = new StanzaLink();
    private StanzaLink.Peer hubPeer;
    private StanzaLink.Peer clientPeer;
    private IotExecutors executors;
    private Path file;
    private Hub hub;
    private ConcentratorClient client;
    private Jid to;

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
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

    @BeforeEach
    void setUp() throws Exception {
        hubPeer = link.peer("hub");
        clientPeer = link.peer("client");
        clientPeer.setReplyTimeout(3_000);
        file = dir.resolve("hub.json");
        Files.writeString(file, """
                {
                  "rootId": "Hub",
                  "hal": { "backend": "mock" },
                  "nodes": [ { "id": "Porch", "type": "relay", "parameters": { "pin": 5 } } ]
                }
                """);
        executors = IotExecutors.builder().name("hub-rt").workThreads(2).build();
        hub = Hub.builder()
                .config(file)
                .connection(hubPeer)
                .accessPolicy(AccessPolicy.allowEveryone())
                .executors(executors)
                .build()
                .start();
        client = ConcentratorClient.getInstanceFor(clientPeer);
        to = hubPeer.getUser();
    }

    @AfterEach
    void tearDown() {
        hub.close();
        client.close();
        link.close();
    }

    @Test
    void driverNodesAreManagedRemotelyAndEveryChangeIsWritten() throws Exception {
        assertThat(executors.activeLeases())
                .as("the hub's, and its XEP-0326, XEP-0323 and XEP-0325 servers'")
                .isEqualTo(4);
        assertThat(await(client.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE)))
                .extracting(NodeInformation::nodeId)
                .containsExactly("Hub", "Porch");
        await(client.createNewNode(to, ref("Hub"), "relay", submit("id", "Heater", "pin", "17")));
        assertThat(HubConfig.read(file).nodes()).extracting(HubConfig.Node::id).containsExactly("Porch", "Heater");

        await(ControlClient.getInstanceFor(clientPeer)
                .set(
                        to,
                        ControlRequest.builder()
                                .node(ref("Heater"))
                                .set("Output", true)
                                .build()));
        assertThat(hub.mockHal().orElseThrow().pin(17).level()).isEqualTo(DigitalLevel.HIGH);

        await(client.setNodeParametersAfterEdit(
                to, ref("Heater"), submit("id", "Heater", "pin", "22", "activeLow", "false")));
        assertThat(HubConfig.read(file).nodes().get(1).parameters()).containsEntry("pin", "22");
        assertThat(hub.config().nodes().get(1).parameters()).containsEntry("pin", "22");

        String before = Files.readString(file);
        Throwable bad = catchThrowable(() -> await(client.createNewNode(
                to, ref("Hub"), "relay", submit("id", "Heater", "pin", "99", "activeLow", "maybe"))));
        assertThat(bad).isInstanceOf(ExecutionException.class);
        ConcentratorException ce = (ConcentratorException) bad.getCause();
        assertThat(ce.result()).isEqualTo(ResultCode.FORM_ERROR);
        assertThat(ce.errors()).extracting(ParameterError::var).containsExactlyInAnyOrder("id", "pin", "activeLow");
        assertThat(Files.readString(file)).as("a refused form changes nothing").isEqualTo(before);

        await(client.destroyNode(to, ref("Porch")));
        assertThat(HubConfig.read(file).nodes()).extracting(HubConfig.Node::id).containsExactly("Heater");
        assertThat(hub.lastWriteFailure()).isEmpty();
    }

    @Test
    void aSensorNodeIsReadThroughItsValuesQuery() throws Exception {
        await(client.createNewNode(to, ref("Hub"), "bme280", submit("id", "Climate", "bus", "1", "address", "118")));
        NodeQuery values = await(
                NodeCommandClient.getInstanceFor(clientPeer).executeNodeQuery(to, ref("Climate"), "values", null));
        await(values.completion());
        assertThat(values.events("Climate"))
                .filteredOn(e -> e instanceof QueryEvent.NewRecords)
                .flatMap(e -> ((QueryEvent.NewRecords) e).records())
                .anySatisfy(row -> assertThat(row)
                        .startsWith(
                                new QueryEvent.Cell("string", "Temperature", null),
                                new QueryEvent.Cell("double", "25.08", null)));
    }

    @Test
    void aSecondHubOnTheSameConnectionIsRefusedAndClosingStopsServing() throws Exception {
        assertThatThrownBy(() ->
                        Hub.builder().config(file).connection(hubPeer).build().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already serves a node tree");
        ConcentratorServer served = ConcentratorServer.getInstanceFor(hubPeer);
        hub.close();
        assertThat(executors.activeLeases()).isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(hubPeer).includesFeature(ConcentratorServer.FEATURE))
                .isFalse();
        assertThat(ConcentratorServer.getInstanceFor(hubPeer)).isNotSameAs(served);
        Throwable gone = catchThrowable(() -> await(client.getCapabilities(to)));
        assertThat(gone.getCause()).isInstanceOf(ConcentratorException.class);

        try (Hub again = Hub.builder()
                .config(file)
                .connection(hubPeer)
                .accessPolicy(AccessPolicy.allowEveryone())
                .build()
                .start()) {
            assertThat(await(client.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE)))
                    .extracting(NodeInformation::nodeId)
                    .containsExactly("Hub", "Porch");
        }
    }
}
