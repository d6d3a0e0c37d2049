package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 4 and 6 through a real Prosody: tokens per request, read-outs per requester and in total, the
 * {@code when} horizon, and a device that keeps answering its friends while a stranger floods it.
 */
@ProsodyTest
class ReadoutLimitsIT {

    private static final long WAIT = 20;

    private static String tokens(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("tok").append(i).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void tooManyTokensAreABadRequest(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(Fixtures.directory()).accessPolicy(AccessPolicy.allowEveryone()));
        assertThat(new RawReq(thing.getUser(), 1)
                        .with("serviceToken", tokens(16))
                        .send(client))
                .isNull();
        assertThat(new RawReq(thing.getUser(), 2)
                        .with("serviceToken", tokens(5_000))
                        .send(client))
                .isEqualTo(Condition.bad_request);
        assertThat(new RawReq(thing.getUser(), 3)
                        .with("userToken", "x".repeat(129))
                        .send(client))
                .isEqualTo(Condition.bad_request);
    }

    @Test
    void whenBeyondTheHorizonIsABadRequest(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        SensorDataServer s = SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(Fixtures.directory()).accessPolicy(AccessPolicy.allowEveryone()));
        assertThat(new RawReq(thing.getUser(), 1)
                        .with("when", "9999-12-31T00:00:00Z")
                        .send(client))
                .isEqualTo(Condition.bad_request);
        assertThat(new RawReq(thing.getUser(), 2)
                        .with("when", Instant.now().plus(Duration.ofHours(25)).toString())
                        .send(client))
                .isEqualTo(Condition.bad_request);
        assertThat(new RawReq(thing.getUser(), 3)
                        .with("when", Instant.now().plus(Duration.ofHours(23)).toString())
                        .send(client))
                .isNull();
        assertThat(s.activeReadouts()).isEqualTo(1);
    }

    @Test
    void queuedReadoutsAreCappedPerBareJidAndInTotal(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client", "a");
        XMPPTCPConnection sameAccount = server.connect("client", "b");
        XMPPTCPConnection other = server.connect("other");
        XMPPTCPConnection third = server.connect("third");
        SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(Fixtures.directory())
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .readoutLimits(new ReadoutLimits(2, 3, 4, 5, Duration.ofHours(1))));
        String later = Instant.now().plus(Duration.ofMinutes(30)).toString();
        for (int i = 1; i <= 3; i++) {
            assertThat(new RawReq(thing.getUser(), i).with("when", later).send(client))
                    .isNull();
        }
        assertThat(new RawReq(thing.getUser(), 4).with("when", later).send(client))
                .isEqualTo(Condition.resource_constraint);
        assertThat(new RawReq(thing.getUser(), 5).with("when", later).send(sameAccount))
                .as("another resource of the same account shares its quota")
                .isEqualTo(Condition.resource_constraint);
        assertThat(new RawReq(thing.getUser(), 1).with("when", later).send(other))
                .isNull();
        assertThat(new RawReq(thing.getUser(), 2).with("when", later).send(other))
                .isNull();
        assertThat(new RawReq(thing.getUser(), 1).with("when", later).send(third))
                .as("the device's total of queued read-outs")
                .isEqualTo(Condition.resource_constraint);
        assertThat(RawReq.outcome(client, cancel(thing, 1))).isNull();
        assertThat(new RawReq(thing.getUser(), 6).with("when", later).send(client))
                .as("a cancelled read-out gives its slot back")
                .isNull();
        assertThat(new RawReq(thing.getUser(), 7).send(client))
                .as("read-outs due now have their own quota")
                .isNull();
    }

    @Test
    void readoutsInProgressAreCappedPerRequester(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        XMPPTCPConnection other = server.connect("other");
        List<CompletableFuture<SensorData>> pending = new CopyOnWriteArrayList<>();
        Thing slow = Thing.builder("Slow")
                .sensor((scope, clock) -> {
                    CompletableFuture<SensorData> f = new CompletableFuture<>();
                    pending.add(f);
                    return f;
                })
                .build();
        SensorDataServer s = SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(ThingDirectory.of(slow))
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .readoutLimits(new ReadoutLimits(2, 2, 3, 3, Duration.ofHours(1))));
        try {
            assertThat(new RawReq(thing.getUser(), 1).send(client)).isNull();
            assertThat(new RawReq(thing.getUser(), 2).send(client)).isNull();
            assertThat(new RawReq(thing.getUser(), 3).send(client)).isEqualTo(Condition.resource_constraint);
            assertThat(new RawReq(thing.getUser(), 1).send(other)).isNull();
            assertThat(new RawReq(thing.getUser(), 2).send(other))
                    .as("the device's total")
                    .isEqualTo(Condition.resource_constraint);
            assertThat(s.activeReadouts()).isEqualTo(3);
            assertThat(RawReq.outcome(client, cancel(thing, 2))).isNull();
            assertThat(new RawReq(thing.getUser(), 4).send(client)).isNull();
        } finally {
            pending.forEach(f -> f.complete(SensorData.EMPTY));
        }
    }

    @Test
    void aSlotIsFreeOnceTheEndMarkerArrives(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection client = server.connect("client");
        SensorDataServer.getInstanceFor(thing)
                .update(b -> b.things(Fixtures.directory())
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .readoutLimits(new ReadoutLimits(1, 1, 1, 1, Duration.ofHours(1))));
        SensorDataClient reader = SensorDataClient.getInstanceFor(client);
        for (int i = 0; i < 30; i++) {
            Readout r = reader.read(
                            thing.getUser(),
                            ReadoutRequest.builder()
                                    .momentary()
                                    .nodes("Device02")
                                    .build())
                    .get(WAIT, TimeUnit.SECONDS);
            assertThat(r.fields()).hasSize(1);
        }
    }

    /**
     * A stranger (no friendship, default policy) sends a bounded burst of requests, each refused; the device answers
     * every one of them and still serves its friend's read-outs meanwhile.
     */
    @Test
    void aStrangersFloodDoesNotStopFriendsReadouts(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        XMPPTCPConnection friend = server.connect("friend");
        XMPPTCPConnection stranger = server.connect("stranger");
        SensorDataServer.getInstanceFor(thing).update(b -> b.things(Fixtures.directory()));
        Friendship.establish(thing, friend, Duration.ofSeconds(WAIT));
        int burst = 2_000;
        List<CompletableFuture<Condition>> flood = new ArrayList<>(burst);
        for (int i = 0; i < burst; i++) {
            RawReq req = new RawReq(thing.getUser(), i);
            if (i % 2 == 0) {
                req.with("deviceToken", tokens(40));
            }
            flood.add(RawReq.sendAsync(stranger, req));
        }
        SensorDataClient reader = SensorDataClient.getInstanceFor(friend);
        for (int i = 0; i < 10; i++) {
            Readout r = reader.read(
                            thing.getUser(),
                            ReadoutRequest.builder()
                                    .momentary()
                                    .nodes("Device02")
                                    .build())
                    .get(WAIT, TimeUnit.SECONDS);
            assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("Temperature");
        }
        List<Condition> answers = new ArrayList<>();
        for (CompletableFuture<Condition> f : flood) {
            answers.add(f.get(WAIT, TimeUnit.SECONDS));
        }
        assertThat(answers).hasSize(burst).containsOnly(Condition.forbidden, Condition.bad_request);
        assertThat(answers.stream().filter(c -> c == Condition.bad_request)).hasSize(burst / 2);
    }

    private static IQ cancel(XMPPTCPConnection thing, int seqnr) {
        Cancel c = new Cancel(seqnr);
        c.setTo(thing.getUser());
        return c;
    }
}
