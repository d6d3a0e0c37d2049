package io.github.xmppiot.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockClockTest {

    private final MockClock clock = new MockClock();
    private final List<String> log = new ArrayList<>();

    @Test
    void runsDueTasksInDueOrderAtTheirDueTime() {
        clock.schedule(Duration.ofMillis(5), () -> log.add("b@" + clock.nanoTime()));
        clock.schedule(Duration.ofMillis(2), () -> log.add("a@" + clock.nanoTime()));
        clock.schedule(Duration.ofMillis(9), () -> log.add("c"));

        clock.advanceMillis(5);

        assertThat(log).containsExactly("a@2000000", "b@5000000");
        assertThat(clock.nanoTime()).isEqualTo(5_000_000);
        assertThat(clock.pendingTasks()).isEqualTo(1);
    }

    @Test
    void tasksScheduledByTasksRunWithinTheSameAdvance() {
        clock.schedule(Duration.ofMillis(1), () -> clock.schedule(Duration.ofMillis(1), () -> log.add("nested")));
        clock.advanceMillis(2);
        assertThat(log).containsExactly("nested");
    }

    @Test
    void cancelledTasksDoNotRunAndFailingTasksDoNotStopTheClock() {
        Cancellable c = clock.schedule(Duration.ofMillis(1), () -> log.add("cancelled"));
        clock.schedule(Duration.ofMillis(1), () -> {
            throw new IllegalStateException("boom");
        });
        clock.schedule(Duration.ofMillis(2), () -> log.add("after"));
        c.cancel();

        clock.advanceMillis(3);

        assertThat(log).containsExactly("after");
    }

    @Test
    void sleepAdvancesAndIsRecorded() throws InterruptedException {
        clock.schedule(Duration.ofMillis(3), () -> log.add("fired"));
        clock.sleep(Duration.ofMillis(4));
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(4));
        assertThat(log).containsExactly("fired");
        assertThat(clock.nanoTime()).isEqualTo(4_000_000);
    }

    @Test
    void sleepHonoursInterruptsAndTimeCannotGoBack() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> clock.sleep(Duration.ofMillis(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
