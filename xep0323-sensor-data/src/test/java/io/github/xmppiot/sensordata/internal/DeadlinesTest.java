package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final Deadlines deadlines = new Deadlines(timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** A read-out stand-in whose deadline can be moved and which records its expiry. */
    private static final class Fake implements Deadlines.Watched {
        final AtomicLong deadline;
        final AtomicBoolean ended = new AtomicBoolean();
        final CountDownLatch expired = new CountDownLatch(1);
        volatile long expiredAt;

        Fake(long deadline) {
            this.deadline = new AtomicLong(deadline);
        }

        @Override
        public long deadline() {
            return deadline.get();
        }

        @Override
        public boolean expireIfDue(long now) {
            if (ended.get()) {
                return true;
            }
            if (deadline.get() - now > 0) {
                return false;
            }
            expiredAt = now;
            ended.set(true);
            expired.countDown();
            return true;
        }
    }

    private static long inMillis(long ms) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void expiresAReadoutAtItsDeadlineAndForgetsIt() throws Exception {
        Fake f = new Fake(inMillis(50));
        deadlines.watch(f, f.deadline());

        assertThat(f.expired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.expiredAt - f.deadline()).isGreaterThanOrEqualTo(0);
        awaitSize(0);
    }

    @Test
    void aStreamOfEqualTimeoutsKeepsOneTimerTask() {
        for (int i = 0; i < 1000; i++) {
            Fake f = new Fake(inMillis(60_000 + i));
            deadlines.watch(f, f.deadline());
        }

        assertThat(deadlines.size()).isEqualTo(1000);
        assertThat(timer.getQueue()).hasSize(1);
    }

    @Test
    void anEarlierDeadlineMovesTheCheckForward() throws Exception {
        Fake late = new Fake(inMillis(60_000));
        deadlines.watch(late, late.deadline());
        Fake early = new Fake(inMillis(30));
        deadlines.watch(early, early.deadline());

        assertThat(early.expired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(late.ended).isFalse();
        awaitSize(1);
    }

    @Test
    void anExtendedDeadlineIsCheckedAgainNotExpiredEarly() throws Exception {
        Fake f = new Fake(inMillis(30));
        deadlines.watch(f, f.deadline());
        long extended = inMillis(300);
        f.deadline.set(extended);

        assertThat(f.expired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(f.expiredAt - extended).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anUnwatchedReadoutIsNeverExpired() throws Exception {
        Fake gone = new Fake(inMillis(20));
        deadlines.watch(gone, gone.deadline());
        deadlines.unwatch(gone);
        Fake marker = new Fake(inMillis(80));
        deadlines.watch(marker, marker.deadline());

        assertThat(marker.expired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gone.ended).isFalse();
    }

    /** Waits until the check that expired a read-out has finished: the timer runs one task at a time. */
    private void awaitSize(int n) throws Exception {
        timer.submit(() -> {}).get(10, TimeUnit.SECONDS);
        assertThat(deadlines.size()).isEqualTo(n);
    }
}
