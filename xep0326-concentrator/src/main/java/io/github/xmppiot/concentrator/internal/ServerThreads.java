package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of a concentrator server: a lease on the {@link IotExecutors} its settings name, the bounded serial
 * executor its events go out through, and views of the current lease's work pool and timer for the internals. Naming
 * other executors takes a new lease and gives the old one back; work already handed to the old one still runs.
 */
public final class ServerThreads implements AutoCloseable {

    /** What the threads depend on in the settings. */
    private record Key(IotExecutors executors, int eventBound) {}

    /** The serial executor of events and the lease and bound it was made for. */
    private record Events(IotExecutors.Lease lease, int bound, Executor executor) {}

    private final LeasedSettings<Key> leased;
    private final Executor work = task -> current().work().execute(task);
    private volatile Events events;

    /**
     * Takes a lease.
     *
     * @param executors  the executors
     * @param eventBound the most events waiting to be sent
     */
    public ServerThreads(IotExecutors executors, int eventBound) {
        leased = new LeasedSettings<>(new Key(executors, eventBound), Key::executors);
        IotExecutors.Lease lease = leased.current().lease();
        events = new Events(lease, eventBound, lease.serial(eventBound));
    }

    private LeasedSettings.Snapshot<Key> current() {
        return leased.current();
    }

    /**
     * Follows new settings: another {@link IotExecutors} takes a new lease (the old one is closed), another bound a new
     * event executor; the same values change nothing.
     *
     * @param executors  the executors
     * @param eventBound the most events waiting to be sent
     */
    public synchronized void use(IotExecutors executors, int eventBound) {
        if (leased.isClosed() || leased.settings().equals(new Key(executors, eventBound))) {
            return;
        }
        IotExecutors.Lease lease =
                leased.configure(new Key(executors, eventBound)).lease();
        if (events.lease() != lease || events.bound() != eventBound) {
            events = new Events(lease, eventBound, lease.serial(eventBound));
        }
    }

    /** @return the work pool of the current lease; refuses tasks over its queue bound or after {@link #close()} */
    public Executor work() {
        return work;
    }

    /** @return the current serial executor of events */
    public Executor events() {
        return events.executor();
    }

    /** @return runs a task on the work pool after a delay, through the current lease's timer */
    public QueryRunner.Later later() {
        return (Runnable task, Duration delay) ->
                current().timer().schedule(() -> work.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives the lease back; idempotent. */
    @Override
    public synchronized void close() {
        leased.close();
    }
}
