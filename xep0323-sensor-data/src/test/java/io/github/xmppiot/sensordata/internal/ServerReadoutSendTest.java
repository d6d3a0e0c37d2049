package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldFailure;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.InMemoryHistoryStore;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.Started;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Thing-side read-out whose messages cannot be sent (XEP-0323 §3: the connection fails under it): it stops sending
 * and reading, and still gives its slot back once; and the failures it reports are those of the fields asked for.
 */
class ServerReadoutSendTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeValue NOW = DateTimeValue.of(CLOCK.instant());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<ExtensionElement> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final CompletableFuture<Void> finishedOnce = new CompletableFuture<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private Thing counting(String nodeId, SensorData data) {
        return Thing.builder(nodeId)
                .sensor((scope, clock) -> {
                    reads.incrementAndGet();
                    return CompletableFuture.completedFuture(data);
                })
                .build();
    }

    private static SensorData fields(int n) {
        List<TimedField> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new TimedField(NOW, Field.momentary("F" + i, new IntValue(i))));
        }
        return new SensorData(l, List.of());
    }

    private ServerReadout readout(Thing thing, ReadoutRequest request, ServerReadout.Sender sender) {
        return new ServerReadout(new ServerReadout.Setup(
                5,
                List.of(thing),
                request.toScope(),
                new InMemoryHistoryStore(),
                CLOCK,
                Duration.ofSeconds(30),
                new MessageSplitter(5, 10, 100_000),
                SensorDataServer.DoneMarker.ATTRIBUTE,
                false,
                payload -> {
                    attempts.add(payload);
                    sender.send(payload);
                },
                () -> {
                    finished.incrementAndGet();
                    finishedOnce.complete(null);
                },
                Runnable::run,
                timer));
    }

    @Test
    void aQueuedReadoutWhoseStartedCannotBeSentEndsWithoutReading() throws Exception {
        ServerReadout r = readout(
                counting("Out", fields(1)), ReadoutRequest.builder().momentary().build(), payload -> {
                    throw new IOException("connection lost");
                });

        r.schedule(Duration.ZERO);

        finishedOnce.get(10, TimeUnit.SECONDS);
        assertThat(attempts).singleElement().isInstanceOf(Started.class);
        assertThat(reads).as("nothing read for a requester that cannot be told").hasValue(0);
        r.cancel();
        assertThat(finished).as("the slot is given back once").hasValue(1);
    }

    @Test
    void aMessageThatCannotBeSentStopsTheReadout() {
        AtomicInteger answers = new AtomicInteger();
        ServerReadout r = readout(
                counting("Big", fields(25)),
                ReadoutRequest.builder().momentary().build(),
                payload -> {
                    throw new IOException("connection lost");
                });

        r.startHere(answers::incrementAndGet);

        assertThat(attempts)
                .as("the first of three messages fails: nothing more, no end marker")
                .singleElement()
                .isInstanceOfSatisfying(Fields.class, f -> assertThat(f.done()).isFalse());
        assertThat(answers).as("accepted is still answered").hasValue(1);
        assertThat(finished).hasValue(1);
    }

    @Test
    void anInterruptedSendKeepsTheInterruptAndStops() {
        ServerReadout r = readout(
                counting("Big", fields(25)),
                ReadoutRequest.builder().momentary().build(),
                payload -> {
                    throw new InterruptedException("shutting down");
                });

        r.startHere();

        assertThat(Thread.interrupted())
                .as("the interrupt is kept for the caller")
                .isTrue();
        assertThat(attempts).hasSize(1);
        assertThat(finished).hasValue(1);
    }

    @Test
    void aSendThatWorksGoesOnToTheEnd() {
        ServerReadout r = readout(
                counting("Big", fields(25)),
                ReadoutRequest.builder().momentary().build(),
                payload -> {});

        r.startHere();

        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(2))
                .isInstanceOfSatisfying(Fields.class, f -> assertThat(f.done()).isTrue());
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void onlyTheFailuresOfFieldsAskedForAreReported() {
        SensorData data = new SensorData(
                List.of(new TimedField(NOW, Field.momentary("Temperature", NumericValue.of("1", "°C")))),
                List.of(
                        new FieldFailure("Pressure", NOW, "Timeout."),
                        new FieldFailure("Temperature", NOW, "Out of range."),
                        new FieldFailure(null, NOW, "Bus error.")));
        ServerReadout r = readout(
                counting("Out", data),
                ReadoutRequest.builder().momentary().fields("Temperature").build(),
                payload -> {});

        r.startHere();

        assertThat(attempts)
                .filteredOn(Failure.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        Failure.class,
                        f -> assertThat(f.errors())
                                .extracting(FailureError::text)
                                .containsExactly("Temperature: Out of range.", "Bus error."));
    }
}
