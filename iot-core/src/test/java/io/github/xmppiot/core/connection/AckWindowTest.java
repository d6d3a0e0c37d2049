package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AckWindow}: no more than {@link AckWindow#LIMIT} stanzas queued or unacknowledged, and no wait forever. */
class AckWindowTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger ackRequests = new AtomicInteger();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);

    private AckWindow window(long timeoutMillis) {
        return new AckWindow(inFlight::get, up::get, ackRequests::incrementAndGet, () -> timeoutMillis);
    }

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void belowTheLimitASendGoesOutAtOnceWithoutAskingForAnAcknowledgement() throws Exception {
        inFlight.set(AckWindow.LIMIT - 1);
        window(10_000).send(inFlight::incrementAndGet);

        assertThat(inFlight).hasValue(AckWindow.LIMIT);
        assertThat(ackRequests).hasValue(0);
    }

    @Test
    void atTheLimitASenderAsksForAnAcknowledgementAndWaitsUntilThereIsRoom() throws Exception {
        inFlight.set(AckWindow.LIMIT);
        AckWindow window = window(30_000);
        CountDownLatch sent = new CountDownLatch(1);
        Future<?> sender = senders.submit(() -> {
            window.send(() -> {
                inFlight.incrementAndGet();
                sent.countDown();
            });
            return null;
        });

        waitFor(() -> ackRequests.get() == 1);
        assertThat(sent.await(50, TimeUnit.MILLISECONDS))
                .as("nothing sent while the window is full")
                .isFalse();
        inFlight.addAndGet(-100); // the server's <a/> acknowledged 100 stanzas
        sender.get(10, TimeUnit.SECONDS);

        assertThat(inFlight).hasValue(AckWindow.LIMIT - 99);
        assertThat(ackRequests).as("one request per wait").hasValue(1);
    }

    @Test
    void withoutAnAcknowledgementWithinTheTimeoutTheSendFailsWithNotConnectedAndSendsNothing() {
        inFlight.set(AckWindow.LIMIT + 5);
        AtomicInteger sends = new AtomicInteger();

        assertThatThrownBy(() -> window(30).send(sends::incrementAndGet))
                .isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("not acknowledged the last 480 stanzas within 30 ms");
        assertThat(sends).hasValue(0);
    }

    @Test
    void aFailedAcknowledgementRequestDoesNotStopTheWait() throws Exception {
        inFlight.set(AckWindow.LIMIT);
        AckWindow window = new AckWindow(
                inFlight::get,
                up::get,
                () -> {
                    inFlight.set(0); // the <a/> of an earlier request arrives anyway
                    throw new IllegalStateException("stream management not enabled");
                },
                () -> 10_000);

        window.send(inFlight::incrementAndGet);

        assertThat(inFlight).hasValue(1);
    }

    @Test
    void whileTheStreamIsDownSmackDecidesAndNobodyWaits() throws Exception {
        inFlight.set(AckWindow.LIMIT + 20);
        up.set(false);
        window(10_000).send(inFlight::incrementAndGet);

        assertThat(inFlight).hasValue(AckWindow.LIMIT + 21);
        assertThat(ackRequests).hasValue(0);
    }

    @Test
    void aStreamLostDuringTheWaitEndsTheWaitAndLeavesTheDecisionToSmack() throws Exception {
        inFlight.set(AckWindow.LIMIT);
        AckWindow window = window(30_000);
        Future<?> sender = senders.submit(() -> {
            window.send(() -> {
                throw new NotConnectedException("Smack: the stream is down");
            });
            return null;
        });
        waitFor(() -> ackRequests.get() == 1);

        up.set(false);

        assertThatThrownBy(() -> sender.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NotConnectedException.class)
                .hasMessageContaining("Smack: the stream is down");
    }

    @Test
    void concurrentSendersNeverPutMoreThanTheLimitInFlight() throws Exception {
        AckWindow window = window(30_000);
        AtomicInteger highest = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            all.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < 500; i++) {
                            try {
                                window.send(() -> highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max));
                            } catch (NotConnectedException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    },
                    senders));
        }
        CompletableFuture<Void> done = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        while (!done.isDone()) {
            // the server acknowledges whatever is in flight, now and then
            waitFor(() -> inFlight.get() >= AckWindow.LIMIT || done.isDone());
            inFlight.set(0);
        }
        done.get(10, TimeUnit.SECONDS);

        assertThat(highest).hasValue(AckWindow.LIMIT);
    }

    @Test
    void anInterruptedSenderStopsWaiting() throws Exception {
        inFlight.set(AckWindow.LIMIT);
        AckWindow window = window(30_000);
        Future<?> sender = senders.submit(() -> {
            window.send(inFlight::incrementAndGet);
            return null;
        });
        waitFor(() -> ackRequests.get() == 1);

        sender.cancel(true);
        senders.shutdown();

        assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inFlight).hasValue(AckWindow.LIMIT);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition within 10 s").isNegative();
            LockSupport.parkNanos(50_000);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
