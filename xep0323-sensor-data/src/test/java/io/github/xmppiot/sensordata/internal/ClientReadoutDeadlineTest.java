package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.sensordata.ReadoutListener;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.ReadoutTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A client read-out's idle deadline (XEP-0323 §3: a read-out that hears nothing fails; a queued one waits for its
 * {@code when}), its cancellation (§3.7) and the JID a {@code cancel} goes to.
 */
class ClientReadoutDeadlineTest extends ClientReadoutFixture {

    @Test
    void theIdleDeadlineIsOneTimeoutAheadOnceArmed() {
        long before = System.nanoTime();
        ClientReadout r = streamed();
        long after = System.nanoTime();

        assertThat(r.deadline() - before).isGreaterThanOrEqualTo(TIMEOUT.toNanos());
        assertThat(r.deadline() - after).isLessThanOrEqualTo(TIMEOUT.toNanos());
        assertThat(deadlines.size()).isEqualTo(1);
    }

    @Test
    void everyAnswerMovesTheIdleDeadlineForward() {
        ClientReadout r = streamed();
        long armed = r.deadline();

        r.onAccepted(false, thingFull);
        long accepted = r.deadline();
        r.onFields(fields(false, momentary("A")), thingFull);
        long fields = r.deadline();
        r.onFailure(failure(false, "Timeout."), thingFull);
        long failure = r.deadline();
        r.onStarted(thingFull);

        assertThat(accepted - armed).isPositive();
        assertThat(fields - accepted).isPositive();
        assertThat(failure - fields).isPositive();
        assertThat(r.deadline() - failure).isPositive();
        assertThat(r.expireIfDue(armed))
                .as("not due at its first deadline any more")
                .isFalse();
        assertThat(r.result()).isNotDone();
    }

    @Test
    void aQueuedReadoutMayStayQuietUntilItsWhenPlusTheTimeout() {
        Instant when = Instant.now().plus(Duration.ofHours(1));
        ClientReadout r =
                readout(ReadoutRequest.builder().momentary().when(when).build(), ReadoutListener.NONE, calls::add);
        assertThat(r.deadline() - System.nanoTime())
                .as("before the acceptance: one timeout")
                .isLessThanOrEqualTo(TIMEOUT.toNanos());

        r.onAccepted(true, thingFull);

        long queuedFor = r.deadline() - System.nanoTime();
        assertThat(queuedFor)
                .as("queued: until when, plus one timeout")
                .isGreaterThan(Duration.ofHours(1).toNanos())
                .isLessThanOrEqualTo(Duration.ofHours(1).plus(TIMEOUT).toNanos());

        r.onStarted(thingFull);

        assertThat(r.deadline() - System.nanoTime())
                .as("the deadline never moves back (the timer is not told of earlier ones)")
                .isGreaterThan(Duration.ofHours(1).toNanos());
    }

    @Test
    void aReadoutAcceptedWithoutQueueingWaitsOneTimeoutWhateverItsWhen() {
        Instant when = Instant.now().plus(Duration.ofHours(1));
        ClientReadout r =
                readout(ReadoutRequest.builder().momentary().when(when).build(), ReadoutListener.NONE, calls::add);

        r.onAccepted(false, thingFull);

        assertThat(r.deadline() - System.nanoTime()).isLessThanOrEqualTo(TIMEOUT.toNanos());
    }

    @Test
    void aQueuedReadoutWhoseWhenHasPassedWaitsOneTimeout() {
        ClientReadout r = readout(
                ReadoutRequest.builder()
                        .momentary()
                        .when(Instant.now().minus(Duration.ofHours(1)))
                        .build(),
                ReadoutListener.NONE,
                calls::add);
        long before = System.nanoTime();

        r.onAccepted(true, thingFull);

        assertThat(r.deadline() - before)
                .as("one timeout from the acceptance")
                .isGreaterThanOrEqualTo(TIMEOUT.toNanos())
                .isLessThan(Duration.ofHours(1).toNanos());
    }

    @Test
    void aQueuedAcceptanceWithoutWhenWaitsOneTimeout() {
        ClientReadout r = direct();

        r.onAccepted(true, thingFull);

        assertThat(r.deadline() - System.nanoTime()).isLessThanOrEqualTo(TIMEOUT.toNanos());
    }

    @Test
    void theReadoutExpiresAtItsDeadlineNotBefore() throws Exception {
        ClientReadout r = streamed();
        long deadline = r.deadline();

        assertThat(r.expireIfDue(deadline - 1)).isFalse();
        assertThat(r.result()).isNotDone();
        assertThat(ends).hasValue(0);

        assertThat(r.expireIfDue(deadline)).isTrue();
        drain();

        assertThat(events).containsExactly("error:ReadoutTimeoutException");
        assertThat(reason(r.result()))
                .isInstanceOf(ReadoutTimeoutException.class)
                .hasMessage("no answer from thing@example.org to read-out 42 within PT10S");
        assertThat(ends).hasValue(1);
        assertThat(r.expireIfDue(deadline - 1)).as("ended: no longer watched").isTrue();
        assertThat(events).hasSize(1);
    }

    @Test
    void cancellingSendsCancelAndFailsTheReadoutOnceTheThingAnswers() throws Exception {
        ClientReadout r = direct();

        CompletableFuture<Void> cancelled = r.cancel();

        assertThat(cancelsSent).containsExactly(r);
        assertThat(cancelled).isNotDone();
        assertThat(r.result()).isNotDone();
        cancelAnswer.complete(null);
        assertThat(cancelled).isCompleted();
        assertThat(reason(r.result()))
                .isInstanceOf(CancellationException.class)
                .hasMessage("read-out 42 of thing@example.org cancelled");
        assertThat(ends).hasValue(1);
    }

    @Test
    void aCancelTheThingRefusesLeavesTheReadoutRunning() throws Exception {
        ClientReadout r = direct();

        CompletableFuture<Void> cancelled = r.cancel();
        IllegalStateException refused = new IllegalStateException("item-not-found");
        cancelAnswer.completeExceptionally(refused);

        assertThat(reason(cancelled))
                .isInstanceOf(java.util.concurrent.CompletionException.class)
                .hasCause(refused);
        assertThat(r.result()).isNotDone();
        r.onDone(thingFull);
        assertThat(r.result()).isCompleted();
    }

    @Test
    void cancellingAFinishedReadoutSendsNothing() {
        ClientReadout r = direct();
        r.onDone(thingFull);

        assertThat(r.cancel()).isCompleted();

        assertThat(cancelsSent).isEmpty();
    }

    @Test
    void cancelGoesToTheFullJidTheAnswersCameFrom() {
        ClientReadout r = direct();
        assertThat((Object) r.respondent())
                .as("before any answer: the JID requested")
                .isEqualTo(thing);

        r.onAccepted(false, thingFull);
        assertThat((Object) r.respondent()).isEqualTo(thingFull);

        r.onFields(fields(false, momentary("A")), thing); // a bare JID says nothing about the resource
        r.onFailure(failure(false, "x"), null);
        assertThat((Object) r.respondent()).isEqualTo(thingFull);

        Jid viaFields = JidCreate.fromOrThrowUnchecked("thing@example.org/fields");
        r.onFields(fields(false, momentary("B")), viaFields);
        assertThat((Object) r.respondent()).isEqualTo(viaFields);
        Jid viaFailure = JidCreate.fromOrThrowUnchecked("thing@example.org/failure");
        r.onFailure(failure(false, "y"), viaFailure);
        assertThat((Object) r.respondent()).isEqualTo(viaFailure);
        Jid other = JidCreate.fromOrThrowUnchecked("thing@example.org/other");
        r.onStarted(other);
        assertThat((Object) r.respondent()).isEqualTo(other);
        Jid last = JidCreate.fromOrThrowUnchecked("thing@example.org/last");
        r.onDone(last);
        assertThat((Object) r.respondent()).isEqualTo(last);
    }

    @Test
    void theSessionNamesItsSeqnrAndThing() {
        ClientReadout r = direct();

        assertThat(r.seqnr()).isEqualTo(SEQNR);
        assertThat((Object) r.thing()).isEqualTo(thing);
    }
}
