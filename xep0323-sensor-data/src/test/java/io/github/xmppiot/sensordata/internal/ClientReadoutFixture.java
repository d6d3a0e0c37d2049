package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutFailure;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutListener;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * One client read-out driven by hand (XEP-0323 §3): the listener calls run when a test drains them, and the idle timer
 * is held so that only the test expires a read-out; so every step is checked where it happens, without waiting.
 */
abstract class ClientReadoutFixture {

    static final int SEQNR = 42;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final DateTimeValue TS = DateTimeValue.parse("2013-03-07T16:24:30");

    final Jid thing = JidCreate.fromOrThrowUnchecked("thing@example.org");
    final Jid thingFull = JidCreate.fromOrThrowUnchecked("thing@example.org/device");

    /** The idle timer; its one thread is held by the test, so no check runs while a test runs. */
    final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    final CountDownLatch holdTimer = new CountDownLatch(1);
    final Deadlines deadlines = new Deadlines(timer);
    /** Listener calls queued and not run yet. */
    final Deque<Runnable> calls = new ArrayDeque<>();

    final List<String> events = new ArrayList<>();
    final AtomicInteger ends = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    final List<ClientReadout> cancelsSent = new ArrayList<>();
    final CompletableFuture<Void> cancelAnswer = new CompletableFuture<>();

    final ReadoutListener recorder = new ReadoutListener() {
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
            events.add("fields:" + fields.stream().map(ReadoutField::name).toList());
        }

        @Override
        public void onFailures(List<ReadoutFailure> failures) {
            events.add(
                    "failures:" + failures.stream().map(ReadoutFailure::message).toList());
        }

        @Override
        public void onDone(Readout readout) {
            events.add("done:" + readout.fields().size());
        }

        @Override
        public void onError(Throwable error) {
            events.add("error:" + error.getClass().getSimpleName());
        }
    };

    @BeforeEach
    void holdTheTimer() {
        timer.execute(() -> {
            try {
                holdTimer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void stopTheTimer() {
        holdTimer.countDown();
        timer.shutdownNow();
    }

    ClientReadout readout(ReadoutRequest request, ReadoutListener listener, Executor executor) {
        return readout(SEQNR, thing, request, listener, executor);
    }

    ClientReadout readout(int seqnr, Jid to, ReadoutRequest request, ReadoutListener listener, Executor executor) {
        ClientReadout r = new ClientReadout(
                seqnr,
                to,
                request,
                listener,
                request.timeout().orElse(TIMEOUT),
                s -> {
                    cancelsSent.add(s);
                    return cancelAnswer;
                },
                ends::incrementAndGet,
                new ListenerCalls(executor, releases::incrementAndGet),
                deadlines);
        r.arm();
        return r;
    }

    /** A read-out of momentary values, with a listener whose calls the test runs by {@link #drain()}. */
    ClientReadout streamed() {
        return readout(ReadoutRequest.builder().momentary().build(), recorder, calls::add);
    }

    /** A read-out without a listener; a listener call queued by mistake would show in {@link #calls}. */
    ClientReadout direct() {
        return readout(ReadoutRequest.builder().momentary().build(), ReadoutListener.NONE, calls::add);
    }

    void drain() {
        Runnable r;
        while ((r = calls.poll()) != null) {
            r.run();
        }
    }

    static Fields fields(boolean done, Field... values) {
        return new Fields(
                SEQNR,
                done,
                List.of(new NodeFields(NodeRef.of("D1"), List.of(new TimestampFields(TS, List.of(values))))));
    }

    static Field momentary(String name) {
        return Field.momentary(name, NumericValue.of("1.5", "°C"));
    }

    static Field status(String name) {
        return Field.builder(name, NumericValue.of("7", "h"))
                .categories(FieldCategory.STATUS)
                .build();
    }

    static Failure failure(boolean done, String... texts) {
        List<FailureError> errors = new ArrayList<>();
        for (String t : texts) {
            errors.add(new FailureError(NodeRef.of("D2"), TS.lexical(), t));
        }
        return new Failure(SEQNR, done, errors);
    }

    static Throwable reason(CompletableFuture<?> f) throws Exception {
        return f.handle((v, e) -> e).get(1, TimeUnit.SECONDS);
    }
}
