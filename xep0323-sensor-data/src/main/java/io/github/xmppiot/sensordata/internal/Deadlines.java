package io.github.xmppiot.sensordata.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Idle timeouts of many client read-outs with one timer task: a check is scheduled for the earliest deadline only
 * when none is already due before it, and each check fails the expired read-outs and schedules the next one. With
 * the usual equal timeouts, a stream of read-outs schedules almost nothing (a timer task per read-out cost a wake-up
 * of the timer thread each, on the read-out's critical path).
 */
public final class Deadlines {

    /** A read-out with an idle deadline. */
    public interface Watched {
        /** @return the deadline, in {@link System#nanoTime()} terms */
        long deadline();

        /**
         * Fails the read-out if its deadline has passed.
         *
         * @param now the current {@link System#nanoTime()}
         * @return true if it has ended (now or before) and need not be watched any more
         */
        boolean expireIfDue(long now);
    }

    private final ScheduledExecutorService timer;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> pending;
    private long pendingAt;

    /**
     * Creates a sweeper.
     *
     * @param timer where checks run; tasks are short
     */
    public Deadlines(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Watches a read-out until {@link #unwatch} or until it expires.
     *
     * @param w        the read-out
     * @param deadline its current deadline ({@link System#nanoTime()}); a later extension needs no call
     */
    public void watch(Watched w, long deadline) {
        watched.add(w);
        checkBy(deadline);
    }

    /**
     * Stops watching a read-out that ended.
     *
     * @param w the read-out
     */
    public void unwatch(Watched w) {
        watched.remove(w);
    }

    /** @return the number of read-outs watched */
    public int size() {
        return watched.size();
    }

    private synchronized void checkBy(long deadline) {
        if (pending != null && pendingAt - deadline <= 0) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pendingAt = deadline;
        pending = timer.schedule(this::check, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void check() {
        synchronized (this) {
            pending = null;
        }
        long now = System.nanoTime();
        Long earliest = null;
        for (Watched w : watched) {
            if (w.expireIfDue(now)) {
                watched.remove(w);
            } else {
                long d = w.deadline();
                earliest = earliest == null || d - earliest < 0 ? d : earliest;
            }
        }
        if (earliest != null) {
            checkBy(earliest);
        }
    }
}
