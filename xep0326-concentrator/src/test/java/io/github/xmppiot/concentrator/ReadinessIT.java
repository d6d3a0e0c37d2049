package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Available only when ready: a client that reacts to the very first available presence of a device or a hub (no settle
 * time) finds every disco feature and gets a real answer to a request of every kind offered.
 */
@ProsodyTest
class ReadinessIT {

    private static final int WAIT = 20;
    private static final String RESOURCE = "field";

    @TempDir
    Path dir;

    /** What the client found when it reacted to the first available presence. */
    record FirstContact(DiscoverInfo info, List<Object> answers) {}

    /**
     * A listener that, on the first available presence of {@code user}'s resource {@value #RESOURCE}, runs the probe
     * on the announced full JID (the friendship's setup session has another resource).
     */
    private static CompletableFuture<FirstContact> onFirstPresence(XMPPConnection client, Jid user, Probe probe) {
        CompletableFuture<FirstContact> contact = new CompletableFuture<>();
        StanzaListener listener = stanza -> {
            if (contact.isDone()) {
                return;
            }
            Jid full = stanza.getFrom();
            try {
                DiscoverInfo info =
                        ServiceDiscoveryManager.getInstanceFor(client).discoverInfo(full);
                contact.complete(new FirstContact(info, probe.run(full)));
            } catch (Exception | AssertionError e) {
                contact.completeExceptionally(e);
            }
        };
        client.addAsyncStanzaListener(
                listener,
                new AndFilter(
                        PresenceTypeFilter.AVAILABLE,
                        FromMatchesFilter.createFull(JidCreate.fullFrom(
                                user.asEntityBareJidIfPossible(), Resourcepart.fromOrThrowUnchecked(RESOURCE)))));
        contact.whenComplete((c, e) -> client.removeAsyncStanzaListener(listener));
        return contact;
    }

    @FunctionalInterface
    interface Probe {
        List<Object> run(Jid device) throws Exception;
    }

    /** A friendship made in an earlier session, as in the field; the account is offline afterwards. */
    private static XMPPTCPConnection befriend(ProsodyServer server, String device, String client) throws Exception {
        XMPPTCPConnection earlier = server.connect(device, "setup");
        XMPPTCPConnection c = server.connect(client);
        Friendship.establish(earlier, c, Duration.ofSeconds(WAIT));
        earlier.disconnect();
        return c;
    }

    private static XMPPTCPConnection loginWithheld(ProsodyServer server, String user) throws Exception {
        XMPPTCPConnection c = new IotTcpConnection(
                server.configBuilder(user).setResource(RESOURCE).build());
        Readiness.holdPresence(c);
        c.connect().login();
        return c;
    }

    @Test
    void aDeviceAnswersEveryKindOfRequestAtItsFirstPresence(ProsodyServer server) throws Exception {
        XMPPTCPConnection client = befriend(server, "readydevice", "readyclient");
        CompletableFuture<FirstContact> contact = onFirstPresence(client, server.jid("readydevice"), to -> {
            Readout r = SensorDataClient.getInstanceFor(client)
                    .read(to, ReadoutRequest.builder().momentary().build())
                    .get(WAIT, TimeUnit.SECONDS);
            Object set =
                    ControlClient.getInstanceFor(client).set(to, "Output", true).get(WAIT, TimeUnit.SECONDS);
            return List.of(r, set);
        });
        AtomicReference<Value> output = new AtomicReference<>(BooleanValue.FALSE);
        Thing thing = Thing.builder("Device01")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("21.5", "°C")))))
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .current(output::get)
                        .onSet(output::set)
                        .build())
                .build();

        XMPPTCPConnection device = loginWithheld(server, "readydevice");
        try {
            SensorDataServer.getInstanceFor(device).update(b -> b.things(ThingDirectory.of(thing)));
            ControlServer.getInstanceFor(device).update(s -> s.things(ThingDirectory.of(thing)));
            Readiness.announce(device);

            FirstContact first = contact.get(WAIT, TimeUnit.SECONDS);
            assertThat(first.info().containsFeature("urn:xmpp:iot:sensordata")).isTrue();
            assertThat(first.info().containsFeature("urn:xmpp:iot:control")).isTrue();
            assertThat(((Readout) first.answers().get(0)).field("Temperature")).isPresent();
            assertThat(output.get()).isEqualTo(BooleanValue.TRUE);
        } finally {
            device.disconnect();
        }
    }

    @Test
    void aHubAnswersEveryKindOfRequestAtItsFirstPresence(ProsodyServer server) throws Exception {
        Path file = dir.resolve("hub.json");
        Files.writeString(file, """
                { "rootId": "Hub", "hal": { "backend": "mock" },
                  "nodes": [ { "id": "Heater", "type": "relay", "parameters": { "pin": 17 } } ] }
                """);
        XMPPTCPConnection client = befriend(server, "readyhub", "readyhubclient");
        NodeRef heater = NodeRef.of("Heater", NodeTree.SOURCE_ID);
        CompletableFuture<FirstContact> contact = onFirstPresence(client, server.jid("readyhub"), to -> {
            ConcentratorClient cc = ConcentratorClient.getInstanceFor(client);
            List<String> capabilities = cc.getCapabilities(to).get(WAIT, TimeUnit.SECONDS);
            Object nodes =
                    cc.getAllNodes(to, NodeTree.SOURCE_ID, NodeDetail.NONE).get(WAIT, TimeUnit.SECONDS);
            Readout r = SensorDataClient.getInstanceFor(client)
                    .read(to, ReadoutRequest.builder().all().nodes(heater).build())
                    .get(WAIT, TimeUnit.SECONDS);
            Object set = ControlClient.getInstanceFor(client)
                    .set(
                            to,
                            ControlRequest.builder()
                                    .node(heater)
                                    .set("Output", true)
                                    .build())
                    .get(WAIT, TimeUnit.SECONDS);
            return List.of(capabilities, nodes, r, set);
        });

        XMPPTCPConnection hubConn = loginWithheld(server, "readyhub");
        try (Hub hub = Hub.builder().config(file).connection(hubConn).build().start()) {
            Readiness.announce(hubConn);

            FirstContact first = contact.get(WAIT, TimeUnit.SECONDS);
            assertThat(first.info().containsFeature("urn:xmpp:iot:concentrators"))
                    .isTrue();
            assertThat(first.info().containsFeature("urn:xmpp:iot:sensordata")).isTrue();
            assertThat(first.info().containsFeature("urn:xmpp:iot:control")).isTrue();
            assertThat(first.answers().get(0).toString()).contains("getCapabilities", "getAllNodes");
            assertThat(((Readout) first.answers().get(2)).failures()).isEmpty();
            assertThat(hub.mockHal().orElseThrow().pin(17).level()).isEqualTo(DigitalLevel.HIGH);
        } finally {
            hubConn.disconnect();
        }
    }
}
