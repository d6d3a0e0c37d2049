package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.InMemoryHistoryStore;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A read-out runs once however it is started. An access decision completing while the request handler returns can
 * start it both from the decision's continuation ({@code start}) and from the handler's answer-ready path
 * ({@code startHere(answer)}); before the fix both ran, and every field of a node whose sensor answered later was sent
 * twice (seen once through ejabberd in {@code EjabberdEndToEndIT}: one node's Temperature field twice).
 */
class ServerReadoutTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), ZoneOffset.UTC);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aReadoutStartedTwiceReadsAndSendsEachFieldOnce() {
        List<CompletableFuture<SensorData>> pending = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        Thing out1 = Thing.builder("Out1")
                .sensor((scope, clock) -> {
                    reads.incrementAndGet();
                    CompletableFuture<SensorData> f = new CompletableFuture<>();
                    pending.add(f);
                    return f;
                })
                .build();
        Thing out2 = Thing.builder("Out2")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("22", "°C")))))
                .build();
        List<ExtensionElement> sent = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        ServerReadout readout = new ServerReadout(new ServerReadout.Setup(
                7,
                List.of(out1, out2),
                ReadoutRequest.builder().momentary().build().toScope(),
                new InMemoryHistoryStore(),
                CLOCK,
                Duration.ofSeconds(30),
                new MessageSplitter(7, 100, 10_000),
                SensorDataServer.DoneMarker.ATTRIBUTE,
                false,
                sent::add,
                () -> {},
                Runnable::run,
                timer));

        readout.start(); // the decision's continuation
        readout.startHere(answers::incrementAndGet); // the handler's answer-ready path, racing with it
        pending.forEach(f -> f.complete(SensorData.of(
                DateTimeValue.of(CLOCK.instant()), Field.momentary("Temperature", NumericValue.of("21.5", "°C")))));

        assertThat(reads).as("Out1 read once").hasValue(1);
        assertThat(answers).as("the accepted answer is still sent, once").hasValue(1);
        List<String> fields = sent.stream()
                .filter(Fields.class::isInstance)
                .map(Fields.class::cast)
                .flatMap(f -> f.nodes().stream())
                .flatMap(n -> n.timestamps().stream()
                        .flatMap((TimestampFields t) -> t.fields().stream())
                        .map(field -> n.node().nodeId() + "/" + field.name()))
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("Out1/Temperature", "Out2/Temperature");
        assertThat(sent.stream()
                        .filter(Fields.class::isInstance)
                        .map(Fields.class::cast)
                        .filter(Fields::done))
                .as("one end marker")
                .hasSize(1);
    }

    @Test
    void aReadoutStartedOnceSendsItsAnswerAndFieldsOnce() {
        Thing out = Thing.builder("Out")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.of(
                        DateTimeValue.of(clock.instant()),
                        Field.momentary("Temperature", NumericValue.of("22", "°C")))))
                .build();
        List<ExtensionElement> sent = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        ServerReadout readout = new ServerReadout(new ServerReadout.Setup(
                8,
                List.of(out),
                ReadoutRequest.builder().momentary().build().toScope(),
                new InMemoryHistoryStore(),
                CLOCK,
                Duration.ofSeconds(30),
                new MessageSplitter(8, 100, 10_000),
                SensorDataServer.DoneMarker.ATTRIBUTE,
                false,
                sent::add,
                () -> {},
                Runnable::run,
                timer));

        readout.startHere(answers::incrementAndGet);

        assertThat(answers).hasValue(1);
        assertThat(sent).singleElement().isInstanceOfSatisfying(Fields.class, f -> {
            assertThat(f.done()).isTrue();
            assertThat(f.nodes()).extracting(NodeFields::fieldCount).containsExactly(1);
        });
    }

    @Test
    void aQueuedReadoutWhoseWorkPoolRefusesEndsWithItsEndMarkerAndFrees() throws Exception {
        Thing out = Thing.builder("Out")
                .sensor((scope, clock) -> CompletableFuture.completedFuture(SensorData.EMPTY))
                .build();
        CompletableFuture<ExtensionElement> end = new CompletableFuture<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        ServerReadout readout = new ServerReadout(new ServerReadout.Setup(
                9,
                List.of(out),
                ReadoutRequest.builder().momentary().build().toScope(),
                new InMemoryHistoryStore(),
                CLOCK,
                Duration.ofSeconds(30),
                new MessageSplitter(9, 100, 10_000),
                SensorDataServer.DoneMarker.ATTRIBUTE,
                false,
                end::complete,
                () -> finished.complete(null),
                task -> {
                    throw new RejectedExecutionException("work queue full");
                },
                timer));

        readout.schedule(Duration.ZERO);

        assertThat(end.get(10, TimeUnit.SECONDS))
                .as("the requester still gets the end of the read-out")
                .isInstanceOfSatisfying(Fields.class, f -> {
                    assertThat(f.done()).isTrue();
                    assertThat(f.nodes()).isEmpty();
                });
        assertThat(finished).as("its slot and seqnr are freed").isCompleted();
    }
}
