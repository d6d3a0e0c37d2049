package io.github.xmppiot.sensordata.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon thread pools shared by the XEP-0323 managers; none of them is Smack's reader thread. */
public final class Threads {

    /** Runs read-out work: collecting sensor data, building and sending messages, client callbacks. */
    public static final ExecutorService WORK = Executors.newCachedThreadPool(factory("xep0323-work"));

    /** Fires scheduled read-outs ({@code when}) and client timeouts; tasks must be short. */
    public static final ScheduledExecutorService TIMER = timer();

    private Threads() {
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
