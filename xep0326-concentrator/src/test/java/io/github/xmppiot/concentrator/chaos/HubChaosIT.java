package io.github.xmppiot.concentrator.chaos;

import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.Fault;
import io.github.xmppiot.testkit.FaultProxy;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * A hub (XEP-0326) and its client behind a {@link FaultProxy}, with the SDK's default reconnection policy: nodes added
 * at run time survive a clean server restart, a {@code kill -9} and a 10 s network cut (in the hub's file and in its
 * answers), a concentrator command in flight fails at once with {@link ConnectionLostException}, and the hub answers
 * again by itself.
 */
@ProsodyTest
class HubChaosIT {

    static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static DataForm relay(String id, int pin) {
        return DataForm.builder(DataForm.Type.submit)
                .addField(FormField.textSingleBuilder("id").setValue(id).build())
                .addField(FormField.textSingleBuilder("pin")
                        .setValue(Integer.toString(pin))
                        .build())
                .build();
    }

    @Test
    void nodesAddedAtRunTimeSurviveEveryFault(ProsodyServer server) throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, """
                { "rootId": "Hub", "hal": { "backend": "mock" }, "nodes": [] }
                """);
        try (FaultProxy proxy = FaultProxy.to(server)) {
            XMPPTCPConnection hubConn = IotConnection.connect(server.iotConfigBuilder("chaos-hub")
                    .port(proxy.port())
                    .resource("hub")
                    .build());
            XMPPTCPConnection clientConn = IotConnection.connect(server.iotConfigBuilder("chaos-hub-client")
                    .port(proxy.port())
                    .resource("app")
                    .build());
            Friendship.establish(hubConn, clientConn, GUARD);
            IotExecutors executors = IotExecutors.builder().name("hub-chaos").build();
            Hub hub = Hub.builder()
                    .config(file)
                    .connection(hubConn)
                    .executors(executors)
                    .build()
                    .start();
            ConnectionEventRecorder hubEvents = ConnectionEventRecorder.attach(hubConn);
            Jid to = hubConn.getUser();
            ConcentratorClient c = ConcentratorClient.getInstanceFor(clientConn);
            NodeRef root = NodeRef.of("Hub", NodeTree.SOURCE_ID);

            int pin = 20;
            for (Fault fault : Fault.values()) {
                String id = "Relay" + pin;
                c.createNewNode(to, root, "relay", relay(id, pin)).get(GUARD.toSeconds(), TimeUnit.SECONDS);
                proxy.blackHole(GUARD, FaultProxy.Direction.TO_SERVER);
                CompletableFuture<?> inFlight = c.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE);

                fault.inject(server, proxy);

                assertThatThrownBy(() -> inFlight.get(GUARD.toSeconds(), TimeUnit.SECONDS))
                        .as(fault.toString())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(ConnectionLostException.class);
                eventually(
                        "the hub lists " + id + " after the " + fault,
                        GUARD,
                        () -> c.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE).get(5, TimeUnit.SECONDS).stream()
                                .map(NodeInformation::nodeId)
                                .toList()
                                .contains(id));
                assertThat(hubEvents
                                .await(ConnectionEvent.Restored.class, GUARD)
                                .jid())
                        .isEqualTo(to.toString());
                assertThat(Files.readString(file))
                        .as(fault + ": the hub's file keeps the node")
                        .contains(id);
                pin++;
            }
            assertThat(c.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE).get(GUARD.toSeconds(), TimeUnit.SECONDS))
                    .extracting(NodeInformation::nodeId)
                    .containsExactly("Hub", "Relay20", "Relay21", "Relay22");
            hub.close();
            assertThat(executors.activeLeases())
                    .as("the closed hub holds no threads")
                    .isZero();
            hubConn.disconnect();
            clientConn.disconnect();
        }
    }
}
