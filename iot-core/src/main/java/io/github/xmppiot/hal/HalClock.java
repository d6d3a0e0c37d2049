package io.github.xmppiot.hal;

import io.github.xmppiot.hal.internal.SystemHalClock;
import java.time.Duration;

/**
 * Source of time for debouncing and for drivers that wait for a conversion. Drivers never call
 * {@link Thread#sleep(long)} or {@link System#nanoTime()} directly, so tests can replace time with
 * {@code io.github.xmppiot.hal.mock.MockClock} (hal-mock) and run without real waiting.
 *
 * <p>Scheduled tasks of the {@linkplain #system() system clock} run on one shared daemon thread; they must return
 * quickly.
 *
 * @since 0.1.0
 */
public interface HalClock {

    /**
     * Monotonic time in nanoseconds; only differences are meaningful.
     *
     * @return the current monotonic time
     */
    long nanoTime();

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Runs a task once after a delay.
     *
     * @param delay how long to wait before running the task
     * @param task  the task; exceptions it throws are discarded
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * The wall-clock implementation backed by {@link System#nanoTime()}, {@link Thread#sleep(long)} and one shared
     * single-thread scheduler.
     *
     * @return the system clock
     */
    static HalClock system() {
        return SystemHalClock.INSTANCE;
    }
}
