package io.github.xmppiot.core.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor on a virtual clock: tasks run only when the test calls {@link #runDue()} or {@link #advance},
 * on the test's thread, in the order of their due times (then of submission). Other threads (Smack's) may submit
 * tasks; {@link #awaitTasks} waits for them without sleeping.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Task<?>> tasks = new ArrayList<>();
    private long now = 1_000_000L;
    private long sequence;
    private boolean shutdown;

    /** A clock that shows the scheduler's virtual time. */
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            synchronized (ManualScheduler.this) {
                return now;
            }
        }
    };

    /** Runs every task due now, including those they schedule for now. */
    void runDue() {
        Task<?> next;
        while ((next = nextDue()) != null) {
            next.run();
            try {
                next.get(0, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("a supervisor task failed", e.getCause());
            } catch (Exception e) { // cancelled, or interrupted
                // nothing ran to report
            }
        }
    }

    /**
     * Moves the clock forward step by step through the due times of the tasks, running each when it is due.
     *
     * @param d how far
     */
    void advance(Duration d) {
        long end;
        synchronized (this) {
            end = now + d.toMillis();
        }
        runDue();
        while (true) {
            synchronized (this) {
                long due = tasks.stream().mapToLong(t -> t.due).min().orElse(Long.MAX_VALUE);
                if (due > end) {
                    now = end;
                    break;
                }
                now = Math.max(now, due);
            }
            runDue();
        }
        runDue();
    }

    /** @return the number of tasks waiting, due or not */
    synchronized int queued() {
        return tasks.size();
    }

    /**
     * Waits until at least {@code count} tasks are queued (submitted by another thread).
     *
     * @param count   the number of tasks
     * @param timeout how long at most
     * @return whether they arrived in time
     * @throws InterruptedException if interrupted
     */
    synchronized boolean awaitTasks(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tasks.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized Task<?> nextDue() {
        Task<?> first = tasks.stream()
                .filter(t -> t.due <= now)
                .min(Comparator.<Task<?>>comparingLong(t -> t.due).thenComparingLong(t -> t.seq))
                .orElse(null);
        if (first != null) {
            tasks.remove(first);
        }
        return first;
    }

    private synchronized <V> Task<V> add(Callable<V> c, long delayMillis) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Task<V> t = new Task<>(c, now + Math.max(0, delayMillis), sequence++);
        tasks.add(t);
        notifyAll();
        return t;
    }

    private synchronized void remove(Task<?> t) {
        tasks.remove(t);
    }

    @Override
    public void execute(Runnable command) {
        add(
                () -> {
                    command.run();
                    return null;
                },
                0);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(
                () -> {
                    command.run();
                    return null;
                },
                unit.toMillis(delay));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, unit.toMillis(delay));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the supervisor");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the supervisor");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(tasks);
        tasks.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final long due;
        final long seq;

        Task(Callable<V> callable, long due, long seq) {
            super(callable);
            this.due = due;
            this.seq = seq;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            remove(this);
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - clock.millis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
        }
    }
}
