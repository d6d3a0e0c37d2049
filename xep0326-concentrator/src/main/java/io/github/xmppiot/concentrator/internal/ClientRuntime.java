package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.ConcentratorClientSettings;
import io.github.xmppiot.core.concurrent.IotExecutors;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The settings of a concentrator (or node-command) client and the executors they name: the lease, the work pool, the timer and the
 * serial executor that delivers events in order. Swapped atomically; closing gives the lease back.
 */
public final class ClientRuntime {

    private static final Logger LOG = Logger.getLogger(ClientRuntime.class.getName());

    private record State(ConcentratorClientSettings settings, IotExecutors.Lease lease, Executor events) {}

    private volatile State state;
    private boolean closed;

    /**
     * Takes a lease of the settings' executors.
     *
     * @param settings the first settings
     */
    public ClientRuntime(ConcentratorClientSettings settings) {
        this.state = start(settings);
    }

    private static State start(ConcentratorClientSettings s) {
        IotExecutors.Lease lease = s.executors().acquire();
        return new State(s, lease, lease.serial(s.eventBacklog()));
    }

    /** @return the current settings */
    public ConcentratorClientSettings settings() {
        return state.settings();
    }

    /**
     * Swaps the settings; a lease of other executors is taken first and the old one given back.
     *
     * @param settings the new settings
     */
    public synchronized void configure(ConcentratorClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (closed) {
            throw new IllegalStateException("the ConcentratorClient is closed");
        }
        State old = state;
        if (old.settings().executors() == settings.executors()
                && old.settings().eventBacklog() == settings.eventBacklog()) {
            state = new State(settings, old.lease(), old.events());
            return;
        }
        state = start(settings);
        old.lease().close();
    }

    /** @return whether {@link #close()} was called */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Gives the lease back; idempotent. */
    public synchronized void close() {
        if (!closed) {
            closed = true;
            state.lease().close();
        }
    }

    /** @return the work pool, where responses complete */
    public Executor work() {
        return state.lease().work();
    }

    /**
     * Runs a task on the work pool after a pause (the timer only hands it over).
     *
     * @param pause the pause
     * @param task  the task
     */
    public void later(Duration pause, Runnable task) {
        state.lease().timer().schedule(() -> run(task), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Runnable task) {
        try {
            work().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "work pool full, a subscription renewal is dropped: " + e.getMessage());
        }
    }

    /**
     * Delivers one event to the listeners, after the events before it.
     *
     * @param delivery calls the listeners
     * @param what     names the event for the log when it is dropped
     */
    public void deliver(Runnable delivery, Object what) {
        State s = state;
        try {
            s.events().execute(delivery);
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "more than " + s.settings().eventBacklog() + " events waiting; dropped " + what);
        }
    }
}
