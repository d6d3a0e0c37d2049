package io.github.xmppiot.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0323 between xmpp-iot and Smack's smack-experimental IoT data manager, each in its own JVM, through Prosody.
 */
@ProsodyTest(tls = false)
class SensorDataInteropIT {

    @Test
    void smacksClientReadsOurThing(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        // The Smack peer asks for friendship first; our Thing approves every subscription in this test.
        Roster.getInstanceFor(thing).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        // Smack's client may miss data that arrives in the same message as done='true' (two racing collectors).
        // Access is not what this test is about (as in ControlInteropIT): Smack's client reads the instant it gets
        // `subscribed`, which can be before Smack has applied the Thing's roster push (docs/resilience.md, "Known
        // race").
        SensorDataServer.getInstanceFor(thing)
                .update(b -> b.accessPolicy(AccessPolicy.allowEveryone())
                        .doneMarker(SensorDataServer.DoneMarker.EMPTY_FIELDS)
                        .things(ThingDirectory.of(Thing.builder("Device01")
                                .sensor(Sensor.of("Counter", () -> new IntValue(42)))
                                .sensor(Sensor.of("Alarm", () -> BooleanValue.TRUE))
                                .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.50", "°C")))
                                .build())));
        List<String> sent = recordReadoutSending(thing);
        try (SmackPeerProcess peer = SmackPeerProcess.start(
                server, "smackclient", "read", thing.getUser().toString())) {
            peer.awaitLine("OK read");
            List<String> lines = peer.awaitExit();
            // Smack knows only <int> and <boolean>; it skips the numeric field and reads the other two.
            assertThat(lines).as("peer transcript %s", lines).contains("FIELD Counter=42", "FIELD Alarm=true");
            assertThat(peer.exitValue()).isZero();
        }
        // The read-out was finished at once in one message: Smack's client got the data before accepted
        // (XEP-0323 §3), and coped, since it sets up its collectors before sending the request.
        assertThat(sent).containsExactly("fields", "fields+done", "accepted");
    }

    /**
     * Records the kinds of read-out stanzas a connection sends, in sending order: the filter of a sending listener runs
     * on the sending thread (the listener itself would run later, on another thread).
     */
    private static List<String> recordReadoutSending(XMPPTCPConnection thing) {
        List<String> sent = new CopyOnWriteArrayList<>();
        thing.addStanzaSendingListener(s -> {}, s -> {
            if (s instanceof Accepted) {
                sent.add("accepted");
            } else if (s instanceof Message m && m.getExtension(Fields.QNAME) instanceof Fields f) {
                sent.add(f.done() ? "fields+done" : "fields");
            }
            return false;
        });
        return sent;
    }

    @Test
    void ourClientReadsSmacksThing(ProsodyServer server) throws Exception {
        try (SmackPeerProcess peer = SmackPeerProcess.start(server, "smackthing", "thing")) {
            String jid = peer.awaitLine("READY ").substring("READY ".length());
            SensorDataClient client = SensorDataClient.getInstanceFor(server.connect("client"));
            Readout r = client.read(
                            JidCreate.from(jid),
                            ReadoutRequest.builder().momentary().build())
                    .get(15, TimeUnit.SECONDS);
            assertThat(r.fields()).extracting(ReadoutField::name).containsExactlyInAnyOrder("Counter", "Alarm");
            assertThat(r.field("Counter").map(f -> f.field().value())).contains(new IntValue(42));
            assertThat(r.field("Alarm").map(ReadoutField::field).map(Field::value))
                    .contains(BooleanValue.TRUE);
            assertThat(r.failures()).isEmpty();
        }
    }
}
