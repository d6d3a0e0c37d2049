package io.github.xmppiot.sensordata.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon thread pools shared by the XEP-0323 managers; none of them is Smack's reader thread. Both are bounded:
 * {@link #WORK} has {@link #WORK_THREADS} threads (system property {@value #WORK_THREADS_PROPERTY}, default 16),
 * and its queue holds at most the tasks of the read-outs admitted by {@link io.github.xmppiot.sensordata.ReadoutLimits}
 * (a few per Thing read) and the callbacks of the client's read-outs in progress.
 */
public final class Threads {

    /** System property setting the number of threads of {@link #WORK}. */
    public static final String WORK_THREADS_PROPERTY = "xmppiot.sensordata.workThreads";
    /** Number of threads of {@link #WORK}. */
    public static final int WORK_THREADS = Math.max(1, Integer.getInteger(WORK_THREADS_PROPERTY, 16));
    /** Runs read-out work: collecting sensor data, building and sending messages, client callbacks. */
    public static final ExecutorService WORK = work();

    /** Fires scheduled read-outs ({@code when}) and client timeouts; tasks must be short. */
    public static final ScheduledExecutorService TIMER = timer();

    private Threads() {}

    private static ExecutorService work() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                WORK_THREADS, WORK_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory("xep0323-work"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, factory("xep0323-timer"));
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
