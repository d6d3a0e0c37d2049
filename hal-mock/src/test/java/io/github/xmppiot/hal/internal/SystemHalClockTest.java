package io.github.xmppiot.hal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real clock every device uses (the tests of drivers use {@code MockClock} instead). */
class SystemHalClockTest {

    private final SystemHalClock clock = SystemHalClock.INSTANCE;

    @Test
    void scheduledTasksRunInDueOrderAndACancelledOneNever() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> last = new CompletableFuture<>();
        // one scheduler thread runs tasks in due order: if the cancelled one ran, it would run before "last"
        clock.schedule(Duration.ofMillis(-5), () -> ran.add("overdue"));
        clock.schedule(Duration.ofMillis(20), () -> {
            ran.add("throws");
            throw new IllegalStateException("discarded");
        });
        var cancelled = clock.schedule(Duration.ofMillis(500), () -> ran.add("cancelled"));
        cancelled.cancel();
        clock.schedule(Duration.ofMillis(1500), () -> {
            ran.add("last");
            last.complete(null);
        });
        last.get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactlyInAnyOrder("overdue", "throws", "last").endsWith("last");
    }

    @Test
    void sleepingIsInterruptibleAndNothingToSleepReturnsAtOnce() throws Exception {
        Thread.currentThread().interrupt();
        try {
            // an interrupted thread that has nothing to sleep keeps its interrupt for later
            clock.sleep(Duration.ZERO);
            clock.sleep(Duration.ofMillis(-1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThatThrownBy(() -> clock.sleep(Duration.ofHours(1))).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void nanoTimeNeverGoesBack() {
        long a = clock.nanoTime();
        long b = clock.nanoTime();
        assertThat(b).isGreaterThanOrEqualTo(a);
        assertThat(Math.abs(a - System.nanoTime())).isLessThan(TimeUnit.MINUTES.toNanos(1));
    }
}
