package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutFailure;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.element.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A client read-out's steps, its listener calls, futures and the end of it (XEP-0323 §3). */
class ClientReadoutTest extends ClientReadoutFixture {

    @Test
    void theListenerHearsEachStepInOrderAndTheResultFollowsItsLastCall() throws Exception {
        ClientReadout r = streamed();

        r.onAccepted(false, thingFull);
        r.onFields(fields(false, momentary("A"), status("Dropped")), thingFull);
        r.onFields(fields(false, status("AlsoDropped")), thingFull); // nothing kept: no call
        r.onFields(new Fields(SEQNR, false, List.of(), List.of("int 'bad': abc")), thingFull);
        r.onFailure(failure(false, "Timeout."), thingFull);
        r.onFailure(failure(false), thingFull); // no error: no call
        r.onDone(thingFull);

        assertThat(events).as("nothing runs before the calls are drained").isEmpty();
        assertThat(r.accepted()).isNotDone();
        assertThat(r.result()).isNotDone();
        assertThat(releases).as("the executors are kept until the last call").hasValue(0);
        assertThat(ends).as("the read-out is forgotten at once").hasValue(1);
        assertThat(deadlines.size()).as("and no longer timed").isZero();

        drain();

        assertThat(events)
                .containsExactly(
                        "accepted:false", "fields:[A]", "failures:[int 'bad': abc]", "failures:[Timeout.]", "done:1");
        assertThat(r.accepted()).isCompletedWithValue(false);
        Readout done = r.result().getNow(null);
        assertThat(done.seqnr()).isEqualTo(SEQNR);
        assertThat((Object) done.thing()).isEqualTo(thing);
        assertThat(done.queued()).isFalse();
        assertThat(done.fields()).extracting(ReadoutField::name).containsExactly("A");
        assertThat(done.discarded()).isEqualTo(2);
        assertThat(done.failures())
                .extracting(ReadoutFailure::message, ReadoutFailure::local)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("int 'bad': abc", true),
                        org.assertj.core.groups.Tuple.tuple("Timeout.", false));
        assertThat(done.failures().get(1).node()).isEqualTo(NodeRef.of("D2"));
        assertThat(done.failures().get(1).timestamp()).isEqualTo(TS.lexical());
        assertThat(releases).hasValue(1);
        assertThat(ends).hasValue(1);
    }

    @Test
    void theResultCompletesOnlyAfterTheListenerWasToldDone() throws Exception {
        ClientReadout r = streamed();
        List<String> seenAtResult = new ArrayList<>();
        r.result().thenRun(() -> seenAtResult.addAll(events));

        r.onFields(fields(true, momentary("A")), thingFull);
        drain();

        assertThat(seenAtResult).containsExactly("accepted:false", "fields:[A]", "done:1");
        assertThat(releases).hasValue(1);
    }

    @Test
    void withoutAListenerTheFuturesCompleteWhereTheAnswerIsHandled() {
        ClientReadout r = direct();

        r.onAccepted(true, thingFull);
        assertThat(r.accepted()).isCompletedWithValue(true);
        r.onStarted(thingFull);
        r.onFields(fields(false, momentary("A")), thingFull);
        r.onFields(new Fields(SEQNR, false, List.of(), List.of("unreadable")), thingFull);
        r.onFailure(failure(false, "Timeout."), thingFull);
        assertThat(r.result()).isNotDone();
        r.onFailure(failure(true), thingFull);

        assertThat(calls).as("no listener call is queued without a listener").isEmpty();
        Readout done = r.result().getNow(null);
        assertThat(done.queued()).isTrue();
        assertThat(done.fields()).extracting(ReadoutField::name).containsExactly("A");
        assertThat(done.failures()).extracting(ReadoutFailure::message).containsExactly("unreadable", "Timeout.");
        assertThat(releases).hasValue(1);
        assertThat(ends).hasValue(1);
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void withoutAListenerDataBeforeAcceptedCompletesAcceptedAtOnce() {
        ClientReadout r = direct();

        r.onFields(fields(false, momentary("A")), thingFull);

        assertThat(r.accepted()).isCompletedWithValue(false);
        r.onAccepted(true, thingFull); // a late acceptance changes nothing
        assertThat(r.accepted()).isCompletedWithValue(false);
        assertThat(calls).isEmpty();
    }

    @Test
    void withoutAListenerAnyFirstAnswerCompletesAccepted() {
        ClientReadout byFailure = direct();
        byFailure.onFailure(failure(false, "Timeout."), thingFull);
        assertThat(byFailure.accepted()).isCompletedWithValue(false);

        ClientReadout byDone = direct();
        byDone.onDone(thingFull);
        assertThat(byDone.accepted()).isCompletedWithValue(false);
        assertThat(byDone.result()).isCompleted();
        assertThat(calls).isEmpty();
    }

    @Test
    void withoutAListenerAFailureEndsBothFuturesAtOnce() throws Exception {
        ClientReadout r = direct();
        IllegalStateException boom = new IllegalStateException("connection lost");

        r.fail(boom);

        assertThat(reason(r.accepted())).isSameAs(boom);
        assertThat(reason(r.result())).isSameAs(boom);
        assertThat(calls).isEmpty();
        assertThat(releases).hasValue(1);
        assertThat(ends).hasValue(1);
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void aQueuedReadoutIsAcceptedQueuedThenStarted() throws Exception {
        ClientReadout r = streamed();

        r.onAccepted(true, thingFull);
        r.onStarted(thingFull);
        r.onFields(fields(true, momentary("A")), thingFull);
        drain();

        assertThat(events).containsExactly("accepted:true", "started", "fields:[A]", "done:1");
        assertThat(r.accepted()).isCompletedWithValue(true);
        assertThat(r.result().getNow(null).queued()).isTrue();
    }

    @Test
    void startedWithoutAcceptedCountsAsAQueuedAcceptance() {
        ClientReadout r = streamed();

        r.onStarted(thingFull);
        r.onDone(thingFull);
        drain();

        assertThat(events).containsExactly("accepted:true", "started", "done:0");
        assertThat(r.accepted()).isCompletedWithValue(true);
        assertThat(r.result().getNow(null).queued()).isTrue();
    }

    @Test
    void withoutAListenerStartedCompletesAcceptedAsQueued() {
        ClientReadout r = direct();

        r.onStarted(thingFull);

        assertThat(r.accepted()).isCompletedWithValue(true);
        assertThat(calls).isEmpty();
    }

    @Test
    void aNotQueuedAcceptanceIsNotQueued() {
        ClientReadout r = direct();

        r.onAccepted(false, thingFull);
        r.onDone(thingFull);

        assertThat(r.accepted()).isCompletedWithValue(false);
        assertThat(r.result().getNow(null).queued()).isFalse();
    }

    @Test
    void aFailureMessageWithDoneEndsTheReadout() {
        ClientReadout r = streamed();

        r.onFailure(failure(true, "Timeout."), thingFull);
        drain();

        assertThat(events).containsExactly("accepted:false", "failures:[Timeout.]", "done:0");
        assertThat(r.result().getNow(null).failures()).hasSize(1);
    }

    @Test
    void nothingIsTakenAfterTheEnd() {
        ClientReadout r = streamed();
        r.onDone(thingFull);
        drain();
        events.clear();

        r.onAccepted(true, thingFull);
        r.onStarted(thingFull);
        r.onFields(fields(true, momentary("Late")), thingFull);
        r.onFailure(failure(true, "Late."), thingFull);
        r.onDone(thingFull);
        r.fail(new IllegalStateException("late"));

        assertThat(calls).as("no call queued after the end").isEmpty();
        assertThat(events).isEmpty();
        assertThat(r.result().getNow(null).fields()).isEmpty();
        assertThat(r.result().getNow(null).queued()).isFalse();
        assertThat(ends).hasValue(1);
        assertThat(releases).hasValue(1);
    }

    @Test
    void aFailureIsToldToTheListenerBeforeTheFuturesFail() throws Exception {
        ClientReadout r = streamed();
        List<String> seenAtFailure = new ArrayList<>();
        r.result().whenComplete((v, e) -> seenAtFailure.addAll(events));
        IllegalStateException boom = new IllegalStateException("connection lost");

        r.fail(boom);
        r.fail(new IllegalStateException("second")); // ignored
        assertThat(r.result()).isNotDone();
        assertThat(ends).hasValue(1);
        assertThat(deadlines.size()).isZero();
        drain();

        assertThat(seenAtFailure).containsExactly("error:IllegalStateException");
        assertThat(events).containsExactly("error:IllegalStateException");
        assertThat(reason(r.accepted())).isSameAs(boom);
        assertThat(reason(r.result())).isSameAs(boom);
        assertThat(releases).hasValue(1);
    }

    @Test
    void aRefusedListenerCallEndsTheReadoutAtOnceWithTheRefusal() throws Exception {
        RejectedExecutionException full = new RejectedExecutionException("callback queue full");
        ClientReadout r = readout(ReadoutRequest.builder().momentary().build(), recorder, task -> {
            throw full;
        });

        r.onAccepted(false, thingFull);

        assertThat(reason(r.accepted())).isSameAs(full);
        assertThat(reason(r.result())).isSameAs(full);
        assertThat(ends).hasValue(1);
        assertThat(releases).hasValue(1);
        assertThat(deadlines.size()).isZero();
        r.onFields(fields(true, momentary("A")), thingFull);
        assertThat(ends).as("ended once").hasValue(1);
        assertThat(r.cancel()).as("nothing left to cancel").isCompleted();
        assertThat(cancelsSent).isEmpty();
    }

    @Test
    void aCallRefusedAfterTheEndDoesNotEndItTwice() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        // room for the acceptance (2 calls) and the listener's onDone, not for the result
        ClientReadout r = readout(ReadoutRequest.builder().momentary().build(), recorder, task -> {
            if (accepted.incrementAndGet() > 3) {
                throw new RejectedExecutionException("full");
            }
            calls.add(task);
        });

        r.onDone(thingFull);
        drain();

        assertThat(ends).hasValue(1);
        assertThat(releases).hasValue(1);
        assertThat(events).containsExactly("accepted:false", "done:0");
        assertThat(reason(r.result())).isInstanceOf(RejectedExecutionException.class);
    }
}
