package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Done;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The order in which a client receives a read-out's data and the {@code accepted} IQ result through a real Prosody
 * (XEP-0323 §3: data may come before {@code accepted} when the device already has the response).
 */
@ProsodyTest
class AcceptedOrderIT {

    private static final long WAIT = 20;

    private final ExecutorService slowBus = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopSlowBus() {
        slowBus.shutdownNow();
    }

    /** What the client receives from the Thing, in arrival order, recorded by a synchronous stanza listener. */
    private static final class Arrivals {
        private final List<String> kinds = new CopyOnWriteArrayList<>();
        private final CountDownLatch iqAnswer = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);

        Arrivals(XMPPConnection client, Jid thing) {
            client.addSyncStanzaListener(this::record, s -> thing.equals(s.getFrom()));
        }

        private void record(Stanza s) {
            if (s instanceof IQ iq) {
                if (iq.getType() == IQ.Type.error) {
                    kinds.add("error");
                } else if (iq instanceof Accepted a) {
                    kinds.add(a.queued() ? "accepted-queued" : "accepted");
                } else {
                    return;
                }
                iqAnswer.countDown();
            } else if (s instanceof Message m) {
                for (ExtensionElement e : m.getExtensions()) {
                    String kind = kindOf(e);
                    if (kind != null) {
                        kinds.add(kind);
                        if (kind.endsWith("done")) {
                            done.countDown();
                        }
                    }
                }
            }
        }

        private static String kindOf(ExtensionElement e) {
            if (e instanceof Fields f) {
                return f.done() ? "fields+done" : "fields";
            }
            if (e instanceof Failure f) {
                return f.done() ? "failure+done" : "failure";
            }
            return e instanceof Done ? "done" : null;
        }

        /** Waits for the IQ answer to the request; returns everything received until then, in order. */
        List<String> untilIqAnswer() throws InterruptedException {
            assertThat(iqAnswer.await(WAIT, TimeUnit.SECONDS))
                    .as("IQ answer, got %s", kinds)
                    .isTrue();
            return List.copyOf(kinds);
        }

        /** Waits for the IQ answer and the end of the read-out; returns everything received, in order. */
        List<String> untilAnsweredAndDone() throws InterruptedException {
            assertThat(done.await(WAIT, TimeUnit.SECONDS))
                    .as("end marker, got %s", kinds)
                    .isTrue();
            return untilIqAnswer();
        }
    }

    private record Setup(
            XMPPTCPConnection thing, SensorDataServer server, SensorDataClient client, Arrivals arrivals) {}

    private static Setup setup(ProsodyServer prosody, Thing... things) throws Exception {
        XMPPTCPConnection thing = prosody.connect("thing");
        XMPPTCPConnection client = prosody.connect("client");
        SensorDataServer server = SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(ThingDirectory.of(things)).accessPolicy(AccessPolicy.allowEveryone()));
        return new Setup(thing, server, SensorDataClient.getInstanceFor(client), new Arrivals(client, thing.getUser()));
    }

    /** Reads every momentary field and checks the client's view: all {@code n} fields, accepted and not queued. */
    private static void readAll(Setup s, int n) throws Exception {
        ReadoutSession session = s.client()
                .readout(
                        s.thing().getUser(),
                        ReadoutRequest.builder().momentary().build(),
                        ReadoutListener.NONE);
        assertThat(session.result().get(WAIT, TimeUnit.SECONDS).fields()).hasSize(n);
        assertThat(session.accepted().get(WAIT, TimeUnit.SECONDS)).isFalse();
    }

    /** A Thing answering {@code n} int fields from a blocking read that waits until {@code gate} opens. */
    private Thing slow(String nodeId, int n, CountDownLatch gate) {
        return Thing.builder(nodeId)
                .sensor(Sensor.blocking(slowBus, (scope, now) -> {
                    if (!gate.await(WAIT, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                    List<TimedField> fields = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        fields.add(new TimedField(now, Field.momentary("F" + i, new IntValue(i))));
                    }
                    return new SensorData(fields, List.of());
                }))
                .build();
    }

    @Test
    void smallSynchronousReadoutArrivesBeforeAccepted(ProsodyServer prosody) throws Exception {
        Setup s = setup(prosody, Fixtures.big("Device01", 10));
        readAll(s, 10);
        assertThat(s.arrivals().untilAnsweredAndDone()).containsExactly("fields+done", "accepted");
    }

    @Test
    void acceptedFirstWhenAskedFor(ProsodyServer prosody) throws Exception {
        Setup s = setup(prosody, Fixtures.big("Device01", 10));
        s.server().update(b -> b.acceptedFirst(true));
        readAll(s, 10);
        assertThat(s.arrivals().untilAnsweredAndDone()).containsExactly("accepted", "fields+done");
    }

    @Test
    void slowSensorIsAcceptedFirst(ProsodyServer prosody) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Setup s = setup(prosody, slow("Device01", 10, gate));
        ReadoutSession session = s.client()
                .readout(
                        s.thing().getUser(),
                        ReadoutRequest.builder().momentary().build(),
                        ReadoutListener.NONE);
        s.arrivals().untilIqAnswer(); // the sensor cannot finish before accepted has reached the client
        gate.countDown();
        assertThat(session.result().get(WAIT, TimeUnit.SECONDS).fields()).hasSize(10);
        assertThat(session.accepted().get(WAIT, TimeUnit.SECONDS)).isFalse();
        assertThat(s.arrivals().untilAnsweredAndDone()).containsExactly("accepted", "fields+done");
    }

    @Test
    void readoutSplitOverSeveralMessagesIsAcceptedBeforeTheFirst(ProsodyServer prosody) throws Exception {
        Setup s = setup(prosody, Fixtures.big("Device01", 25));
        s.server().update(b -> b.messageLimits(10, 64 * 1024));
        readAll(s, 25);
        assertThat(s.arrivals().untilAnsweredAndDone()).containsExactly("accepted", "fields", "fields", "fields+done");
    }

    @Test
    void refusedRequestStillGetsItsErrorAndNoData(ProsodyServer prosody) throws Exception {
        Setup s = setup(prosody, Fixtures.big("Device01", 10));
        s.server().update(b -> b.accessPolicy(AccessPolicy.friends(s.thing())));
        var f = s.client()
                .read(s.thing().getUser(), ReadoutRequest.builder().momentary().build());
        assertThatThrownBy(() -> f.get(WAIT, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden));
        assertThat(s.arrivals().untilIqAnswer()).containsExactly("error");
    }
}
