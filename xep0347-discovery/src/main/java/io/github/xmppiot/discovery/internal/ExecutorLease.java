package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A manager's lease of the {@link IotExecutors} its settings name: taken when the manager is created, exchanged when
 * the settings name other executors, closed with the manager. As an {@link Executor} it runs tasks on the current
 * lease's work pool (refusing them with {@link RejectedExecutionException} once closed). The swap is
 * {@link LeasedSettings}'s, keyed by the executors alone. Not API.
 */
public final class ExecutorLease implements Executor, AutoCloseable {

    private final LeasedSettings<IotExecutors> leased;

    /**
     * Takes a lease.
     *
     * @param executors the executors to lease
     */
    public ExecutorLease(IotExecutors executors) {
        this.leased = new LeasedSettings<>(executors, e -> e);
    }

    /**
     * Runs on other executors from now on (tasks already queued finish on the old ones); nothing if they are the same.
     *
     * @param executors the executors the new settings name
     */
    public synchronized void follow(IotExecutors executors) {
        if (!leased.isClosed()) {
            leased.configure(executors);
        }
    }

    private IotExecutors.Lease current() {
        if (leased.isClosed()) {
            throw new RejectedExecutionException("the manager is closed: get a new one with getInstanceFor");
        }
        return leased.current().lease();
    }

    @Override
    public void execute(Runnable task) {
        current().work().execute(task);
    }

    /**
     * The current lease's timer (short tasks only).
     *
     * @return the timer
     * @throws RejectedExecutionException if closed
     */
    public ScheduledExecutorService timer() {
        return current().timer();
    }

    /**
     * Runs ordered work: an executor running one task at a time on the current work pool.
     *
     * @param bound most waiting tasks
     * @return the serial executor
     */
    public Executor serial(int bound) {
        return current().serial(bound);
    }

    /** Gives the lease back; later calls do nothing. */
    @Override
    public synchronized void close() {
        leased.close();
    }
}
