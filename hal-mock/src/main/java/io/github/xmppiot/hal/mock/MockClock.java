package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.HalClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link HalClock} whose time only moves when told to. {@link #advance(Duration)} runs every task that falls due,
 * in due order and on the calling thread, so debouncing and driver timing are deterministic in tests;
 * {@link #sleep(Duration)} advances the clock instead of blocking and records the duration in {@link #sleeps()}.
 *
 * @since 0.1.0
 */
public final class MockClock implements HalClock {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private long now;
    private long sequence;

    /** Creates a clock at time 0 with nothing scheduled. */
    public MockClock() {}

    private static final class Task implements Comparable<Task>, Cancellable {
        final long due;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Task(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /**
     * Advances the clock by {@code duration} and records it; never blocks.
     *
     * @param duration how long to "wait"
     * @throws InterruptedException if the calling thread's interrupt flag is set (the flag is cleared, as
     *                              {@link Thread#sleep(long)} does)
     */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before MockClock.sleep");
        }
        synchronized (this) {
            sleeps.add(duration);
        }
        advance(duration.isNegative() ? Duration.ZERO : duration);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + Math.max(0, delay.toNanos()), sequence++, task);
        tasks.add(t);
        return t;
    }

    /**
     * Moves time forward, running due tasks (including tasks they schedule that fall due within the period) at
     * their due time.
     *
     * @param duration how far to move, not negative
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                try {
                    next.action.run();
                } catch (RuntimeException e) {
                    // documented in HalClock: exceptions of scheduled tasks are discarded
                }
            }
        }
    }

    /**
     * Convenience for {@link #advance(Duration)} in milliseconds.
     *
     * @param millis how many milliseconds to move forward
     */
    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /**
     * Number of scheduled tasks that are neither run nor cancelled.
     *
     * @return the count
     */
    public synchronized int pendingTasks() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    /**
     * Durations passed to {@link #sleep(Duration)}, in call order.
     *
     * @return a copy of the recorded sleeps
     */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
