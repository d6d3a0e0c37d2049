package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.connection.ConnectionEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recording, bounding and waiting of {@link ConnectionEventRecorder}, fed events directly. */
class ConnectionEventRecorderTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static ConnectionEvent.Online online(String jid) {
        return new ConnectionEvent.Online(T, jid);
    }

    static ConnectionEvent.Offline offline() {
        return new ConnectionEvent.Offline(T, new IOException("reset"));
    }

    @Test
    void awaitReturnsEachEventOfATypeOnceInOrderSkippingOthers() {
        ConnectionEventRecorder r = new ConnectionEventRecorder();
        r.onConnectionEvent(online("a@x/1"));
        r.onConnectionEvent(offline());
        r.onConnectionEvent(online("a@x/2"));

        assertThat(r.await(ConnectionEvent.Online.class, WAIT).jid()).isEqualTo("a@x/1");
        assertThat(r.await(ConnectionEvent.Online.class, WAIT).jid()).isEqualTo("a@x/2");
        assertThat(r.events()).hasSize(3);
        // the offline event lies before what was consumed: it is not returned any more
        assertThatThrownBy(() -> r.await(ConnectionEvent.Offline.class, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No Offline event within")
                .hasMessageContaining("online as a@x/1")
                .hasMessageContaining("offline: ");
    }

    @Test
    void awaitWakesUpWhenTheEventArrivesFromAnotherThread() throws Exception {
        ConnectionEventRecorder r = new ConnectionEventRecorder();
        CompletableFuture<ConnectionEvent.Online> got = new CompletableFuture<>();
        Thread waiter = new Thread(() -> got.complete(r.await(ConnectionEvent.Online.class, Duration.ofMinutes(1))));
        waiter.setDaemon(true);
        waiter.start();
        ConnectionEventRecorder.eventually(
                "the waiter waits", WAIT, () -> waiter.getState() == Thread.State.TIMED_WAITING);
        r.onConnectionEvent(online("late@x/1"));

        assertThat(got.get(WAIT.toSeconds(), TimeUnit.SECONDS).jid()).isEqualTo("late@x/1");
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        ConnectionEventRecorder r = new ConnectionEventRecorder();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> r.await(ConnectionEvent.Online.class, WAIT))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Interrupted while waiting for Online");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void keepsTheNewestCapacityEventsAndStillFindsTheUnconsumedOnes() {
        ConnectionEventRecorder r = new ConnectionEventRecorder();
        r.onConnectionEvent(online("first@x/1"));
        r.await(ConnectionEvent.Online.class, WAIT);
        for (int i = 0; i < ConnectionEventRecorder.CAPACITY; i++) {
            r.onConnectionEvent(online("n" + i + "@x/1"));
        }

        assertThat(r.events()).hasSize(ConnectionEventRecorder.CAPACITY);
        assertThat(((ConnectionEvent.Online) r.events().get(0)).jid()).isEqualTo("n0@x/1");
        // the consumed event was dropped; the next unconsumed one is the first kept
        assertThat(r.await(ConnectionEvent.Online.class, WAIT).jid()).isEqualTo("n0@x/1");
        assertThat(r.await(ConnectionEvent.Online.class, WAIT).jid()).isEqualTo("n1@x/1");

        r.onConnectionEvent(offline());
        assertThat(r.events()).hasSize(ConnectionEventRecorder.CAPACITY);
        // dropping n0 moved the consumed mark with it: n2 is next, not n3
        assertThat(r.await(ConnectionEvent.Online.class, WAIT).jid()).isEqualTo("n2@x/1");
    }

    @Test
    void droppingAnUnconsumedEventDoesNotSkipTheNext() {
        ConnectionEventRecorder r = new ConnectionEventRecorder();
        for (int i = 0; i <= ConnectionEventRecorder.CAPACITY; i++) {
            r.onConnectionEvent(online("n" + i + "@x/1"));
        }
        // n0 was dropped before anything was consumed
        assertThat(r.await(ConnectionEvent.Online.class, WAIT).jid()).isEqualTo("n1@x/1");
    }

    @Test
    void eventuallyReturnsOnceTheConditionHoldsAndCountsExceptionsAsNotYet() {
        AtomicInteger calls = new AtomicInteger();
        ConnectionEventRecorder.eventually("third call", WAIT, () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("not yet");
            }
            return n == 3;
        });
        assertThat(calls).hasValue(3);
    }

    @Test
    void eventuallyFailsNamingTheLastError() {
        IllegalStateException boom = new IllegalStateException("service down");
        assertThatThrownBy(() -> ConnectionEventRecorder.eventually("answering", Duration.ofMillis(100), () -> {
                    throw boom;
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("answering did not happen within PT0.1S; last error: ")
                .hasMessageContaining("service down")
                .hasCause(boom);
    }

    @Test
    void eventuallyFailsWithoutACauseWhenTheConditionIsFalse() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConnectionEventRecorder.eventually("never", Duration.ofMillis(100), () -> {
                    calls.incrementAndGet();
                    return null;
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("never did not happen within PT0.1S")
                .hasNoCause();
        assertThat(calls.get()).isGreaterThan(1);
    }
}
