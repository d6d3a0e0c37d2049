package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.sensordata.element.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** The Thing side answering the client side over a {@link Link} (XEP-0323 §3 use cases). */
class ServerFlowTest {

    private static final long WAIT = 10;

    private Link link;
    private SensorDataServer server;
    private SensorDataClient client;
    private Jid thingJid;

    @BeforeEach
    void setUp() throws Exception {
        link = new Link();
        server = SensorDataServer.getInstanceFor(link.thing)
                .update(b -> b.things(Fixtures.directory()).accessPolicy(AccessPolicy.allowEveryone()));
        client = SensorDataClient.getInstanceFor(link.client);
        thingJid = link.thing.getUser();
    }

    @AfterEach
    void tearDown() {
        link.close();
    }

    private Readout read(ReadoutRequest r) throws Exception {
        return client.read(thingJid, r).get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void momentaryReadoutReturnsOnlyMomentaryFieldsAndFailures() throws Exception {
        Readout r = read(ReadoutRequest.builder().momentary().nodes("Device01").build());
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("Temperature");
        assertThat(r.field("Temperature").orElseThrow().field().value().lexical())
                .isEqualTo("23.4");
        assertThat(r.field("Temperature").orElseThrow().node()).isEqualTo(NodeRef.of("Device01"));
        assertThat(r.failures()).extracting(ReadoutFailure::message).containsExactly("Pressure: Timeout.");
        assertThat(r.queued()).isFalse();
        assertThat(server.activeReadouts()).isZero();
        List<String> messages =
                link.thing.sent().stream().filter(x -> x.startsWith("<message")).toList();
        assertThat(messages).isNotEmpty().noneMatch(x -> x.contains("type="));
        assertThat(messages.get(messages.size() - 1)).contains("done='true'");
    }

    /**
     * What the Thing sent to the client, in order, once the {@code accepted} IQ result has arrived: {@code accepted},
     * {@code failure}, {@code fields}, {@code fields+done}, {@code done}.
     */
    private List<String> sentOnceAccepted() throws InterruptedException {
        link.client.await(s -> s instanceof Accepted, Duration.ofSeconds(WAIT));
        return link.thing.sent().stream()
                .map(ServerFlowTest::kind)
                .filter(k -> !k.isEmpty())
                .toList();
    }

    private static String kind(String xml) {
        if (xml.startsWith("<iq")) {
            return xml.contains("<accepted") ? "accepted" : "";
        }
        if (xml.contains("<fields")) {
            return xml.contains("done='true'") ? "fields+done" : "fields";
        }
        if (xml.contains("<failure")) {
            return xml.contains("done='true'") ? "failure+done" : "failure";
        }
        return xml.contains("<done ") ? "done" : "";
    }

    @Test
    void readoutFinishedAtOnceInOneMessageIsSentBeforeAccepted() throws Exception {
        ReadoutSession s = client.readout(
                thingJid, ReadoutRequest.builder().momentary().nodes("Device02").build(), ReadoutListener.NONE);
        assertThat(s.result().get(WAIT, TimeUnit.SECONDS).fields()).hasSize(1);
        assertThat(s.accepted().get(WAIT, TimeUnit.SECONDS)).isFalse();
        assertThat(sentOnceAccepted()).containsExactly("fields+done", "accepted");
    }

    @Test
    void synchronousThingsMergedIntoOneMessageAreSentBeforeAccepted() throws Exception {
        server.update(b -> b.things(ThingDirectory.of(Fixtures.big("A", 3), Fixtures.big("B", 3))));
        assertThat(read(ReadoutRequest.builder().momentary().build()).fields()).hasSize(6);
        assertThat(sentOnceAccepted()).containsExactly("fields+done", "accepted");
    }

    @Test
    void acceptedFirstRestoresTheOldOrder() throws Exception {
        server.update(b -> b.acceptedFirst(true));
        assertThat(read(ReadoutRequest.builder().momentary().nodes("Device02").build())
                        .fields())
                .hasSize(1);
        assertThat(sentOnceAccepted()).containsExactly("accepted", "fields+done");
    }

    @Test
    void separateEndMarkersAlsoGoOutBeforeAccepted() throws Exception {
        server.update(b -> b.doneMarker(SensorDataServer.DoneMarker.ELEMENT));
        assertThat(read(ReadoutRequest.builder().momentary().nodes("Device02").build())
                        .fields())
                .hasSize(1);
        assertThat(sentOnceAccepted()).containsExactly("fields", "done", "accepted");
    }

    @Test
    void acceptedGoesOutBeforeTheFirstOfSeveralMessages() throws Exception {
        // Device01 answers a failure (Pressure) and a field: two messages, so the first one is not the last.
        read(ReadoutRequest.builder().momentary().nodes("Device01").build());
        assertThat(sentOnceAccepted()).containsExactly("accepted", "failure", "fields+done");
    }

    @Test
    void readoutSplitOverSeveralMessagesIsAcceptedFirst() throws Exception {
        server.update(b -> b.things(ThingDirectory.of(Fixtures.big("Big", 25))).messageLimits(10, 64 * 1024));
        assertThat(read(ReadoutRequest.builder().momentary().build()).fields()).hasSize(25);
        assertThat(sentOnceAccepted()).containsExactly("accepted", "fields", "fields", "fields+done");
    }

    @Test
    void identityReadout() throws Exception {
        Readout r = read(ReadoutRequest.builder().identity().build());
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("Device ID");
    }

    @Test
    void allNodesAllCategories() throws Exception {
        Readout r = read(ReadoutRequest.builder().all().build());
        assertThat(r.fields())
                .extracting(f -> f.node().nodeId() + "/" + f.name())
                .containsExactlyInAnyOrder(
                        "Device01/Temperature", "Device01/Runtime", "Device01/Device ID", "Device02/Temperature");
    }

    @Test
    void historicalRangeIsAnsweredFromTheHistoryStore() throws Exception {
        Fixtures.recordHistory(server.settings().historyStore(), 5);
        Readout r = read(ReadoutRequest.builder()
                .historical()
                .nodes("Device01")
                .from(Fixtures.T0.plusSeconds(3600))
                .to(Fixtures.T0.plusSeconds(3 * 3600))
                .build());
        assertThat(r.fields()).extracting(f -> f.field().value().lexical()).containsExactly("21.5", "22.5", "23.5");
        assertThat(r.fields())
                .allMatch(f ->
                        !f.timestamp().toInstant(java.time.ZoneOffset.UTC).isBefore(Fixtures.T0.plusSeconds(3600)));
    }

    @Test
    void scheduledReadoutIsQueuedThenStarted() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        ReadoutSession s = client.readout(
                thingJid,
                ReadoutRequest.builder()
                        .momentary()
                        .nodes("Device02")
                        // far enough ahead to arrive before it on a loaded machine (300 ms did not, at load 40)
                        .when(Instant.now().plusMillis(1500))
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
                    public void onFields(List<ReadoutField> fields) {
                        events.add("fields");
                    }

                    @Override
                    public void onDone(Readout readout) {
                        events.add("done");
                    }
                });
        assertThat(s.accepted().get(WAIT, TimeUnit.SECONDS)).isTrue();
        Readout r = s.result().get(WAIT, TimeUnit.SECONDS);
        assertThat(r.queued()).isTrue();
        assertThat(events).containsExactly("accepted:true", "started", "fields", "done");
    }

    @Test
    void cancellingAQueuedReadoutDropsIt() throws Exception {
        ReadoutSession s = client.readout(
                thingJid,
                ReadoutRequest.builder()
                        .all()
                        .when(Instant.now().plusSeconds(3600))
                        .build(),
                ReadoutListener.NONE);
        assertThat(s.accepted().get(WAIT, TimeUnit.SECONDS)).isTrue();
        assertThat(server.activeReadouts()).isEqualTo(1);
        s.cancel().get(WAIT, TimeUnit.SECONDS);
        assertThat(server.activeReadouts()).isZero();
        // JDK 17 rethrows our CancellationException from get(); JDK 23+ throws a new one ("get") caused by ours
        assertThatThrownBy(() -> s.result().get(WAIT, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class)
                .satisfiesAnyOf(
                        e -> assertThat(e).hasMessageContaining("cancelled"),
                        e -> assertThat(e)
                                .cause()
                                .isInstanceOf(CancellationException.class)
                                .hasMessageContaining("cancelled"));
        assertThat(link.client.sent()).anyMatch(x -> x.contains("<cancel") && x.contains("type='get'"));
        assertThat(link.thing.sent()).noneMatch(x -> x.contains("<started"));
    }

    @Test
    void largeReadoutIsSplitIntoBoundedMessages() throws Exception {
        server.update(
                b -> b.things(ThingDirectory.of(Fixtures.big("Big", 10_000))).messageLimits(500, 64 * 1024));
        Readout r = read(ReadoutRequest.builder().momentary().build());
        assertThat(r.fields()).hasSize(10_000);
        assertThat(r.fields().get(9_999).name()).isEqualTo("F9999");
        List<String> messages =
                link.thing.sent().stream().filter(x -> x.startsWith("<message")).toList();
        assertThat(messages).hasSize(20).allMatch(x -> x.length() <= 64 * 1024);
        assertThat(messages.stream().filter(x -> x.contains("done='true'")).count())
                .isEqualTo(1);
    }

    @Test
    void messageSizeLimitSplitsByCharacters() throws Exception {
        server.update(
                b -> b.things(ThingDirectory.of(Fixtures.big("Big", 3_000))).messageLimits(100_000, 8 * 1024));
        Readout r = read(ReadoutRequest.builder().momentary().build());
        assertThat(r.fields()).hasSize(3_000);
        List<String> messages =
                link.thing.sent().stream().filter(x -> x.startsWith("<message")).toList();
        assertThat(messages.size()).isGreaterThan(10);
        assertThat(messages).allMatch(x -> x.length() <= 8 * 1024);
    }

    @Test
    void deniedRequesterGetsForbidden() throws Exception {
        server.update(b -> b.accessPolicy(req -> CompletableFuture.completedFuture(AccessDecision.deny())));
        long start = System.nanoTime();
        CompletableFuture<Readout> f =
                client.read(thingJid, ReadoutRequest.builder().momentary().build());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
        System.out.printf("forbidden answer (DummyConnection link) after %.1f ms%n", (System.nanoTime() - start) / 1e6);
        assertThat(e.getCause()).isInstanceOfSatisfying(IotErrorException.class, x -> {
            assertThat(x.condition()).isEqualTo(StanzaError.Condition.forbidden);
            assertThat(x.type()).isEqualTo(StanzaError.Type.CANCEL);
        });
        assertThat(server.activeReadouts()).isZero();
    }

    @Test
    void unknownNodeGetsItemNotFound() {
        CompletableFuture<Readout> f =
                client.read(thingJid, ReadoutRequest.builder().nodes("Nope").build());
        assertThatThrownBy(() -> f.get(WAIT, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        x -> assertThat(x.condition()).isEqualTo(StanzaError.Condition.item_not_found));
    }

    @Test
    void narrowedDecisionNarrowsNodesAndFields() throws Exception {
        server.update(b -> b.accessPolicy(req -> CompletableFuture.completedFuture(
                AccessDecision.allowOnly(List.of(NodeRef.of("Device02")), Set.of("Temperature")))));
        Readout r = read(ReadoutRequest.builder().all().build());
        assertThat(r.fields())
                .extracting(f -> f.node().nodeId() + "/" + f.name())
                .containsExactly("Device02/Temperature");
    }

    @Test
    void separateDoneElementEndsTheReadout() throws Exception {
        server.update(b -> b.doneMarker(SensorDataServer.DoneMarker.ELEMENT));
        Readout r = read(ReadoutRequest.builder().momentary().nodes("Device02").build());
        assertThat(r.fields()).hasSize(1);
        assertThat(link.thing.sent()).anyMatch(x -> x.contains("<done ")).noneMatch(x -> x.contains("done='true'"));
    }

    @Test
    void emptyFieldsMarkerSendsDataThenAnEmptyDoneMessage() throws Exception {
        server.update(b -> b.doneMarker(SensorDataServer.DoneMarker.EMPTY_FIELDS));
        Readout r = read(ReadoutRequest.builder().momentary().nodes("Device02").build());
        assertThat(r.fields()).hasSize(1);
        List<String> fields =
                link.thing.sent().stream().filter(x -> x.contains("<fields")).toList();
        assertThat(fields).hasSize(2);
        assertThat(fields.get(0)).contains("<node").doesNotContain("done='true'");
        assertThat(fields.get(1)).contains("done='true'").doesNotContain("<node");
    }

    @Test
    void emptyReadoutStillEnds() throws Exception {
        Readout r = read(ReadoutRequest.builder().peak().nodes("Device02").build());
        assertThat(r.fields()).isEmpty();
        assertThat(link.thing.sent()).anyMatch(x -> x.contains("<fields") && x.contains("done='true'"));
    }

    @Test
    void advertisesTheFeature() {
        assertThat(ServiceDiscoveryManager.getInstanceFor(link.thing).includesFeature(SensorDataServer.NAMESPACE))
                .isTrue();
    }

    @Test
    void whenInThePastReadsAtOnce() throws Exception {
        Readout r = read(ReadoutRequest.builder()
                .momentary()
                .nodes("Device02")
                .when(DateTimeValue.parse("2013-03-07T19:00:00"))
                .build());
        assertThat(r.queued()).isFalse();
        assertThat(link.thing.sent()).noneMatch(x -> x.contains("<started"));
    }

    @Test
    void slowSensorIsReportedAsFailure() throws Exception {
        server.update(b -> b.readTimeout(Duration.ofMillis(200))
                .things(ThingDirectory.of(io.github.xmppiot.core.thing.Thing.builder("Slow")
                        .sensor((s, c) -> new CompletableFuture<>())
                        .build())));
        Readout r = read(ReadoutRequest.builder().momentary().build());
        assertThat(r.failures()).extracting(ReadoutFailure::message).containsExactly("Timeout.");
        assertThat(r.failures().get(0).node()).isEqualTo(NodeRef.of("Slow"));
    }
}
