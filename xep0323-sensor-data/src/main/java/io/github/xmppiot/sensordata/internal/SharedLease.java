package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A manager's {@link IotExecutors.Lease}, kept open while read-outs started on it are in flight: the manager
 * {@link #retire() retires} it when its settings name other executors or when it closes, and the lease is closed when
 * the last read-out that {@link #retain() retained} it has {@link #release() released} it. So a read-out keeps the
 * executors it started on until it ends. Thread-safe.
 */
public final class SharedLease {

    private final IotExecutors.Lease lease;
    private int users;
    private boolean retired;

    /**
     * Takes a lease of the executors.
     *
     * @param executors the executors named by the manager's settings
     */
    public SharedLease(IotExecutors executors) {
        this.lease = executors.acquire();
    }

    /** @return the executors leased */
    public IotExecutors executors() {
        return lease.executors();
    }

    /** @return the bounded work pool */
    public Executor work() {
        return lease.work();
    }

    /** @return the timer; its tasks must be short */
    public ScheduledExecutorService timer() {
        return lease.timer();
    }

    /**
     * An executor running its tasks one at a time on {@link #work()}.
     *
     * @param bound the largest number of waiting tasks
     * @return the executor
     */
    public Executor serial(int bound) {
        return lease.serial(bound);
    }

    /**
     * Keeps the lease open for one more read-out.
     *
     * @return false if the lease is retired (take the manager's current one instead)
     */
    public synchronized boolean retain() {
        if (retired) {
            return false;
        }
        users++;
        return true;
    }

    /** A read-out that {@link #retain() retained} the lease has ended. */
    public void release() {
        boolean close;
        synchronized (this) {
            close = --users == 0 && retired;
        }
        if (close) {
            lease.close();
        }
    }

    /** No new read-out will use this lease; it is closed now or when the last read-out in flight ends. */
    public void retire() {
        boolean close;
        synchronized (this) {
            if (retired) {
                return;
            }
            retired = true;
            close = users == 0;
        }
        if (close) {
            lease.close();
        }
    }
}
