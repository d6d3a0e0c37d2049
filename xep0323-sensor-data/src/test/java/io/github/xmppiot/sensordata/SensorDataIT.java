package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;

/** XEP-0323 read-outs between two real Smack connections through Prosody. */
@ProsodyTest
class SensorDataIT {

    private static final long WAIT = 20;

    private static SensorDataServer thingSide(XMPPTCPConnection thing, boolean everyone) {
        SensorDataServer s = SensorDataServer.getInstanceFor(thing).update(b -> b.things(Fixtures.directory()));
        if (everyone) {
            s.update(b -> b.accessPolicy(AccessPolicy.allowEveryone()));
        }
        return s;
    }

    @Test
    void momentaryReadoutBetweenFriends(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        thingSide(thing, false);
        Friendship.establish(thing, client, java.time.Duration.ofSeconds(WAIT));
        Readout r = SensorDataClient.getInstanceFor(client)
                .read(
                        thing.getUser(),
                        ReadoutRequest.builder().momentary().nodes("Device01").build())
                .get(WAIT, TimeUnit.SECONDS);
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("Temperature");
        assertThat(r.field("Temperature").orElseThrow().field().value().lexical())
                .isEqualTo("23.4");
        assertThat(ServiceDiscoveryManager.getInstanceFor(client)
                        .supportsFeature(thing.getUser(), SensorDataServer.NAMESPACE))
                .isTrue();
    }

    @Test
    void identityReadout(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        thingSide(thing, true);
        Readout r = SensorDataClient.getInstanceFor(client)
                .read(thing.getUser(), ReadoutRequest.builder().identity().build())
                .get(WAIT, TimeUnit.SECONDS);
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("Device ID");
    }

    @Test
    void historicalRange(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        Fixtures.recordHistory(thingSide(thing, true).settings().historyStore(), 24);
        Readout r = SensorDataClient.getInstanceFor(client)
                .read(
                        thing.getUser(),
                        ReadoutRequest.builder()
                                .historical()
                                .from(Fixtures.T0.plusSeconds(2 * 3600))
                                .to(Fixtures.T0.plusSeconds(5 * 3600))
                                .build())
                .get(WAIT, TimeUnit.SECONDS);
        assertThat(r.fields()).hasSize(4).allMatch(f -> f.name().equals("Temperature"));
    }

    @Test
    void scheduledReadoutSendsStarted(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        thingSide(thing, true);
        List<String> events = new CopyOnWriteArrayList<>();
        ReadoutSession s = SensorDataClient.getInstanceFor(client)
                .readout(
                        thing.getUser(),
                        ReadoutRequest.builder()
                                .momentary()
                                .nodes("Device02")
                                .when(Instant.now().plusMillis(500))
                                .build(),
                        new ReadoutListener() {
                            @Override
                            public void onAccepted(boolean queued) {
                                events.add("accepted:" + queued);
                            }

                            @Override
                            public void onStarted() {
                                events.add("started");
                            }

                            @Override
                            public void onDone(Readout readout) {
                                events.add("done");
                            }
                        });
        assertThat(s.result().get(WAIT, TimeUnit.SECONDS).fields()).hasSize(1);
        assertThat(events).containsExactly("accepted:true", "started", "done");
    }

    @Test
    void partialFailure(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        thingSide(thing, true);
        Readout r = SensorDataClient.getInstanceFor(client)
                .read(thing.getUser(), ReadoutRequest.builder().momentary().build())
                .get(WAIT, TimeUnit.SECONDS);
        assertThat(r.fields())
                .extracting(f -> f.node().nodeId() + "/" + f.name())
                .containsExactlyInAnyOrder("Device01/Temperature", "Device02/Temperature");
        assertThat(r.failures()).extracting(ReadoutFailure::message).containsExactly("Pressure: Timeout.");
    }

    @Test
    void cancelQueuedReadout(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        SensorDataServer thingServer = thingSide(thing, true);
        ReadoutSession s = SensorDataClient.getInstanceFor(client)
                .readout(
                        thing.getUser(),
                        ReadoutRequest.builder()
                                .all()
                                .when(Instant.now().plusSeconds(3600))
                                .build(),
                        ReadoutListener.NONE);
        assertThat(s.accepted().get(WAIT, TimeUnit.SECONDS)).isTrue();
        s.cancel().get(WAIT, TimeUnit.SECONDS);
        assertThat(thingServer.activeReadouts()).isZero();
        assertThatThrownBy(() -> s.result().get(WAIT, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }

    @Test
    void tenThousandFieldsSplitOverSeveralMessages(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        thingSide(thing, true)
                .update(b ->
                        b.things(ThingDirectory.of(Fixtures.big("Big", 10_000))).messageLimits(1_000, 64 * 1024));
        List<Integer> perMessage = new CopyOnWriteArrayList<>();
        ReadoutSession s = SensorDataClient.getInstanceFor(client)
                .readout(thing.getUser(), ReadoutRequest.builder().momentary().build(), new ReadoutListener() {
                    @Override
                    public void onFields(List<ReadoutField> fields) {
                        perMessage.add(fields.size());
                    }
                });
        Readout r = s.result().get(60, TimeUnit.SECONDS);
        assertThat(r.fields()).hasSize(10_000);
        assertThat(perMessage.size()).isGreaterThanOrEqualTo(10);
        assertThat(perMessage).allMatch(n -> n <= 1_000);
    }

    @Test
    void strangerIsForbidden(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection stranger = server.connect("stranger");
        thingSide(thing, false);
        SensorDataClient client = SensorDataClient.getInstanceFor(stranger);
        client.read(thing.getUser(), ReadoutRequest.builder().identity().build())
                .handle((r, e) -> null)
                .get(WAIT, TimeUnit.SECONDS); // warm-up: class loading, roster
        long start = System.nanoTime();
        var f = client.read(
                thing.getUser(), ReadoutRequest.builder().momentary().build());
        assertThatThrownBy(() -> f.get(WAIT, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(IotErrorException.class, e -> {
                    assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden);
                    assertThat(e.type()).isEqualTo(StanzaError.Type.CANCEL);
                });
        System.out.printf("forbidden answer through Prosody after %.1f ms%n", (System.nanoTime() - start) / 1e6);
    }
}
