package io.github.xmppiot.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlException;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DurationValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0323 and XEP-0325 between xmpp-iot and Slixmpp 1.8 (Debian {@code python3-slixmpp}, its {@code xep_0323} and
 * {@code xep_0325} plugins), each in its own process, through Prosody with TLS. Slixmpp follows the drafts before 0.3
 * (XEP-0323 v0.2: {@code timeSpan}, no {@code int}/{@code long}/{@code date}/{@code time}/{@code duration};
 * XEP-0325 v0.2: {@code setResponse responseCode}, refusals as IQ errors without {@code <error/>}); each test names the
 * draft where it matters and asserts the behaviour documented in the module READMEs.
 */
@ProsodyTest(logLevel = "info")
class SlixmppInteropIT {

    private static final long WAIT = 20;
    private final Map<String, Value> state = new ConcurrentHashMap<>();

    private XMPPTCPConnection ourThing(ProsodyServer server, String user, AccessPolicy policy) throws Exception {
        XMPPTCPConnection thing = server.connect(user);
        state.put("Output", BooleanValue.FALSE);
        Thing device = Thing.builder("Device01")
                .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.5", "C")))
                .sensor(Sensor.of("Alarm", () -> BooleanValue.TRUE))
                .sensor(Sensor.of("Label", () -> StringValue.of("porch")))
                .sensor(Sensor.of("Counter", () -> new IntValue(42)))
                .sensor(Sensor.of("Uptime", () -> DurationValue.of(Duration.ofMinutes(62))))
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .current(() -> state.get("Output"))
                        .onSet(v -> state.put("Output", v))
                        .build())
                .build();
        SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(ThingDirectory.of(device)).accessPolicy(policy));
        ControlServer.getInstanceFor(thing)
                .update(s -> s.things(ThingDirectory.of(device)).accessPolicy(policy));
        return thing;
    }

    @Test
    void slixmppReadsOurThingButDropsTheFieldTypesItsDraftLacks(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = ourThing(server, "thing-r", AccessPolicy.allowEveryone());
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(
                server, "slix-r", "read", thing.getUser().toString())) {
            peer.awaitLine("DONE");
            List<String> lines = peer.awaitExit();
            assertThat(lines)
                    .contains("FIELD numeric Temperature=21.5", "FIELD boolean Alarm=true", "FIELD string Label=porch");
            // XEP-0323 v0.2 has no <int/> and calls <duration/> <timeSpan/>: Slixmpp drops both without a word
            assertThat(lines).noneMatch(l -> l.contains("Counter") || l.contains("Uptime"));
        }
    }

    @Test
    void slixmppControlsOurThingAndGetsAnEmptyResponseCode(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = ourThing(server, "thing-c", AccessPolicy.allowEveryone());
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(
                server, "slix-c", "set", thing.getUser().toString(), "Output", "boolean", "true")) {
            // XEP-0325 v0.3 has no responseCode: Slixmpp's callback runs with an empty code on our <setResponse/>
            assertThat(peer.awaitLine("RESULT")).isEqualTo("RESULT ");
        }
        assertThat(state.get("Output")).isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void ourRefusalsReachSlixmppAsIqErrorsWhichItsPluginsNeverReport(ProsodyServer server) throws Exception {
        // Our errors are XEP-0323/0325 v0.3 errors (RFC 6120 <error/>, no <rejected/> or <setResponse/> beside it).
        // Slixmpp's plugins (v0.2) only call back on those children, so its application must time out itself; the
        // peer sees the error below the plugin, proving that the answer came at once.
        XMPPTCPConnection thing = ourThing(server, "thing-e", AccessPolicy.friends(server.connect("thing-e", "other")));
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(
                server, "slix-e", "read", thing.getUser().toString())) {
            assertThat(peer.awaitLine("IQERROR")).isEqualTo("IQERROR forbidden children=");
            assertThat(peer.awaitExit()).noneMatch(l -> l.startsWith("REJECTED") || l.startsWith("DONE"));
        }
        XMPPTCPConnection open = ourThing(server, "thing-e2", AccessPolicy.allowEveryone());
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(
                server, "slix-e2", "set", open.getUser().toString(), "Nope", "boolean", "true")) {
            assertThat(peer.awaitLine("IQERROR")).isEqualTo("IQERROR item-not-found children=");
            assertThat(peer.awaitExit()).noneMatch(l -> l.startsWith("RESULT"));
        }
    }

    private static Jid awaitDevice(SlixmppPeerProcess peer) throws Exception {
        return JidCreate.from(peer.awaitLine("READY ").substring("READY ".length()));
    }

    @Test
    void ourClientReadsASlixmppDeviceIncludingThePreDraft03TimeSpan(ProsodyServer server) throws Exception {
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(server, "slix-dev-r", "device")) {
            Jid device = awaitDevice(peer);
            Readout r = SensorDataClient.getInstanceFor(server.connect("client-r"))
                    .read(device, ReadoutRequest.builder().momentary().build())
                    .get(WAIT, TimeUnit.SECONDS);
            assertThat(r.fields())
                    .extracting(f -> f.name() + "=" + f.field().value().type() + ":"
                            + f.field().value().lexical())
                    .containsExactlyInAnyOrder(
                            "Temperature=NUMERIC:21.5", "Uptime=DURATION:PT1H2M", "Heating=BOOLEAN:true");
            assertThat(r.failures()).isEmpty();

            // XEP-0323 v0.2 refusal: <rejected/> inside an IQ error without <error/>
            assertThatThrownBy(() -> SensorDataClient.getInstanceFor(server.connect("client-r2"))
                            .read(
                                    device,
                                    ReadoutRequest.builder()
                                            .momentary()
                                            .fields("Nope")
                                            .build())
                            .get(WAIT, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            IotErrorException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden));
        }
    }

    @Test
    void ourClientControlsASlixmppDeviceAndSeesItsRefusals(ProsodyServer server) throws Exception {
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(server, "slix-dev-c", "device")) {
            Jid device = awaitDevice(peer);
            ControlClient client = ControlClient.getInstanceFor(server.connect("client-c"));
            assertThat(client.set(device, "Output", true)
                            .get(WAIT, TimeUnit.SECONDS)
                            .isNarrowed())
                    .isFalse();
            assertThat(peer.awaitLine("SET ")).isEqualTo("SET Output=true");

            // XEP-0325 v0.2 refusal: <setResponse responseCode='NotFound'> in an IQ error without <error/>
            assertThatThrownBy(() -> client.set(device, "Nope", true).get(WAIT, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(ControlException.class, e -> {
                        assertThat(e.condition()).isEqualTo(StanzaError.Condition.item_not_found);
                        assertThat(e.legacyResponseCode()).contains("NotFound");
                        assertThat(e.getMessage()).contains("Nope");
                    });

            // no control form: Slixmpp does not implement getForm (XEP-0325 §3.3); the IQ is refused at once
            assertThatThrownBy(() -> client.getForm(device).get(WAIT, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ControlException.class);
        }
    }

    @Test
    void aSlixmppDeviceWithoutControlNodesNeverAnswersAndOurClientTimesOut(ProsodyServer server) throws Exception {
        // Slixmpp 1.8 accepts a set for a device without control nodes and never answers it; our client gives up
        // after its reply time-out instead of hanging
        try (SlixmppPeerProcess peer = SlixmppPeerProcess.start(server, "slix-dev-n", "device", "--no-control")) {
            Jid device = awaitDevice(peer);
            ControlClient client = ControlClient.getInstanceFor(server.connect("client-n"))
                    .update(s -> s.replyTimeout(Duration.ofSeconds(2)));
            assertThatThrownBy(() -> client.set(device, "Output", true).get(WAIT, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(SmackException.NoResponseException.class);
        }
    }
}
