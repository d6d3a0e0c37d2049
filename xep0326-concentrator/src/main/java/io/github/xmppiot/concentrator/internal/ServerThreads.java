package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of a concentrator server: a lease on the {@link IotExecutors} its settings name, the bounded serial
 * executor its events go out through, and views of the current lease's work pool and timer for the internals. Naming
 * other executors takes a new lease and gives the old one back; work already handed to the old one still runs.
 */
public final class ServerThreads implements AutoCloseable {

    private record Current(IotExecutors executors, int eventBound, IotExecutors.Lease lease, Executor events) {}

    private final Executor work = task -> current().lease().work().execute(task);
    private volatile Current current;
    private boolean closed;

    /**
     * Takes a lease.
     *
     * @param executors  the executors
     * @param eventBound the most events waiting to be sent
     */
    public ServerThreads(IotExecutors executors, int eventBound) {
        IotExecutors.Lease lease = executors.acquire();
        current = new Current(executors, eventBound, lease, lease.serial(eventBound));
    }

    private Current current() {
        return current;
    }

    /**
     * Follows new settings: another {@link IotExecutors} takes a new lease (the old one is closed), another bound a new
     * event executor; the same values change nothing.
     *
     * @param executors  the executors
     * @param eventBound the most events waiting to be sent
     */
    public synchronized void use(IotExecutors executors, int eventBound) {
        Current old = current;
        if (closed || (old.executors() == executors && old.eventBound() == eventBound)) {
            return;
        }
        IotExecutors.Lease lease = old.executors() == executors ? old.lease() : executors.acquire();
        current = new Current(executors, eventBound, lease, lease.serial(eventBound));
        if (lease != old.lease()) {
            old.lease().close();
        }
    }

    /** @return the work pool of the current lease; refuses tasks over its queue bound or after {@link #close()} */
    public Executor work() {
        return work;
    }

    /** @return the current serial executor of events */
    public Executor events() {
        return current.events();
    }

    /** @return runs a task on the work pool after a delay, through the current lease's timer */
    public QueryRunner.Later later() {
        return (Runnable task, Duration delay) ->
                current.lease().timer().schedule(() -> work.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives the lease back; idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        current.lease().close();
    }
}
