package io.github.xmppiot.concentrator.chaos;

import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * A client's XEP-0326 data-source subscription survives fresh sessions: after a clean restart and a {@code kill -9}
 * of the server (no XEP-0198 resumption possible), during which the hub restarts too and forgets its subscribers, the
 * client subscribes again by itself and the hub's events keep reaching the listener registered before the faults.
 */
@ProsodyTest
class SubscriptionChaosIT {

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
    void eventsArriveAgainAfterARestartAndAKill(ProsodyServer server) throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, """
                { "rootId": "Hub", "hal": { "backend": "mock" }, "nodes": [] }
                """);
        XMPPTCPConnection hubConn = IotConnection.connect(
                server.iotConfigBuilder("sub-hub").resource("hub").build());
        XMPPTCPConnection clientConn = IotConnection.connect(
                server.iotConfigBuilder("sub-client").resource("app").build());
        Friendship.establish(hubConn, clientConn, GUARD);
        Hub[] hub = {null};
        IotExecutors executors =
                IotExecutors.builder().name("subscription-chaos").build();
        hub[0] = Hub.builder()
                .config(file)
                .connection(hubConn)
                .executors(executors)
                .build()
                .start();
        ConnectionEventRecorder hubEvents = ConnectionEventRecorder.attach(hubConn);
        ConnectionEventRecorder clientEvents = ConnectionEventRecorder.attach(clientConn);
        AtomicInteger subscribesSent = new AtomicInteger();
        clientConn.addStanzaSendingListener(
                s -> subscribesSent.incrementAndGet(),
                s -> s instanceof ConcentratorRequest r && r.command() == ConcentratorCommand.SUBSCRIBE);
        Jid to = hubConn.getUser();
        ConcentratorClient c = ConcentratorClient.getInstanceFor(clientConn);
        NodeRef root = NodeRef.of("Hub", NodeTree.SOURCE_ID);
        BlockingQueue<String> added = new LinkedBlockingQueue<>();
        c.addEventListener((from, e) -> {
            if (e.kind() == NodeEvent.Kind.NODE_ADDED && from.equals(to)) {
                added.add(e.node().nodeId());
            }
        });
        c.subscribe(to, NodeTree.SOURCE_ID, NodeDetail.NONE).get(GUARD.toSeconds(), TimeUnit.SECONDS);
        c.createNewNode(to, root, "relay", relay("Relay10", 10)).get(GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(added.poll(GUARD.toSeconds(), TimeUnit.SECONDS)).isEqualTo("Relay10");
        java.util.Set<String> seen = new java.util.HashSet<>(List.of("Relay10"));

        int pin = 11;
        for (String fault : List.of("clean restart", "kill -9")) {
            int before = subscribesSent.get();
            hub[0].close(); // the hub restarts with the server (a power cut): it forgets every subscription
            assertThat(executors.activeLeases())
                    .as(fault + ": the closed hub holds no threads")
                    .isZero();
            if (fault.equals("kill -9")) {
                server.kill();
            } else {
                server.restart();
            }
            assertThat(clientEvents.await(ConnectionEvent.Restored.class, GUARD).resumed())
                    .as(fault)
                    .isFalse();
            assertThat(hubEvents.await(ConnectionEvent.Restored.class, GUARD).resumed())
                    .as(fault)
                    .isFalse();
            hub[0] = Hub.builder()
                    .config(file)
                    .connection(hubConn)
                    .executors(executors)
                    .build()
                    .start();
            eventually(
                    "the client subscribed again after the " + fault,
                    GUARD,
                    () -> subscribesSent.get() > before
                            && ConcentratorServer.getInstanceFor(hubConn).subscriberCount() == 1);
            // each node added now is an event the listener registered before the fault must get
            String id = "Relay" + pin;
            c.createNewNode(to, root, "relay", relay(id, pin)).get(GUARD.toSeconds(), TimeUnit.SECONDS);
            // an event sent just before the fault may come again: the server keeps stanzas its client had not
            // acknowledged (XEP-0198) and delivers them to the new session (offline storage), so earlier ids may
            // precede the new one; anything else is wrong
            String next;
            while (!id.equals(next = added.poll(GUARD.toSeconds(), TimeUnit.SECONDS))) {
                assertThat(next)
                        .as(fault + ": only " + id + " or an event from before the fault")
                        .isIn(seen);
            }
            seen.add(id);
            pin++;
        }
        hub[0].close();
        hubConn.disconnect();
        clientConn.disconnect();
    }
}
