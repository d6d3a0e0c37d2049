package io.github.xmppiot.hal.internal;

import io.github.xmppiot.hal.Cancellable;
import io.github.xmppiot.hal.HalClock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock {@link HalClock} with one shared daemon scheduler thread. */
public final class SystemHalClock implements HalClock {

    /** The single instance. */
    public static final SystemHalClock INSTANCE = new SystemHalClock();

    private SystemHalClock() {}

    private static final class Scheduler {
        static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xmpp-iot-hal-clock");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = Scheduler.EXECUTOR.schedule(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        // documented: exceptions of scheduled tasks are discarded
                    }
                },
                Math.max(0, delay.toNanos()),
                TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
