package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.ConcentratorClientSettings;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.concurrent.LeasedSettings;
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

    /** The events executor and the lease and bound it was made for. */
    private record Events(IotExecutors.Lease lease, int bound, Executor executor) {}

    private final LeasedSettings<ConcentratorClientSettings> state;
    private volatile Events events;

    /**
     * Takes a lease of the settings' executors.
     *
     * @param settings the first settings
     */
    public ClientRuntime(ConcentratorClientSettings settings) {
        this.state = new LeasedSettings<>(settings, ConcentratorClientSettings::executors);
        this.events = events(state.current(), null);
    }

    /** The events executor for a snapshot: the one in use while the lease and bound stay the same. */
    private static Events events(LeasedSettings.Snapshot<ConcentratorClientSettings> s, Events old) {
        int bound = s.settings().eventBacklog();
        if (old != null && old.lease() == s.lease() && old.bound() == bound) {
            return old;
        }
        return new Events(s.lease(), bound, s.lease().serial(bound));
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
        if (state.isClosed()) {
            throw new IllegalStateException("the ConcentratorClient is closed");
        }
        events = events(state.configure(settings), events);
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return state.isClosed();
    }

    /** Gives the lease back; idempotent. */
    public synchronized void close() {
        state.close();
    }

    /** @return the work pool, where responses complete */
    public Executor work() {
        return state.current().work();
    }

    /**
     * Runs a task on the work pool after a pause (the timer only hands it over).
     *
     * @param pause the pause
     * @param task  the task
     */
    public void later(Duration pause, Runnable task) {
        state.current().timer().schedule(() -> run(task), pause.toMillis(), TimeUnit.MILLISECONDS);
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
        Events e = events;
        try {
            e.executor().execute(delivery);
        } catch (RejectedExecutionException full) {
            LOG.warning(() -> "more than " + e.bound() + " events waiting; dropped " + what);
        }
    }
}
