package io.github.xmppiot.core.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A manager's current settings and the {@link IotExecutors.Lease} of the executors they name, swapped together and
 * atomically by {@link #configure}: the one way every xmpp-iot manager holds its configuration and threads.
 *
 * <ul>
 *   <li>{@link #current()} is the snapshot in force; work that takes it sees one consistent configuration.</li>
 *   <li>{@link #configure} installs new settings. If they name the same {@link IotExecutors}, the lease is kept;
 *       otherwise a lease of the new executors is taken and the old one is retired.</li>
 *   <li>A retired lease is closed when the work started on it has finished: work that must keep its executors until
 *       it ends (a streaming read-out, for example) takes a {@link #hold()} and closes it when done; the lease is
 *       closed when its last hold is closed, or at once if none is open. Reference counted, thread-safe.</li>
 *   <li>{@link #close()} retires the current lease (idempotent); afterwards {@link #hold()} and {@link #configure}
 *       fail, {@link #current()} still returns the last snapshot.</li>
 * </ul>
 *
 * @param <S> the manager's immutable settings type
 * @since 0.1.0
 */
public final class LeasedSettings<S> implements AutoCloseable {

    private final Function<? super S, IotExecutors> executorsOf;
    private final Object lock = new Object();
    private volatile Snapshot<S> current;
    private boolean closed;

    /**
     * Takes a lease of the executors the initial settings name.
     *
     * @param initial     the settings in force at first
     * @param executorsOf the executors a settings object names (for example {@code Settings::executors})
     */
    public LeasedSettings(S initial, Function<? super S, IotExecutors> executorsOf) {
        this.executorsOf = Objects.requireNonNull(executorsOf, "executorsOf");
        Objects.requireNonNull(initial, "initial");
        this.current = new Snapshot<>(initial, new Shared(executors(initial).acquire()));
    }

    private IotExecutors executors(S settings) {
        return Objects.requireNonNull(executorsOf.apply(settings), "the settings name no executors");
    }

    /**
     * The snapshot in force (after {@link #close()}, the last one).
     *
     * @return the settings and their lease
     */
    public Snapshot<S> current() {
        return current;
    }

    /**
     * The settings in force.
     *
     * @return {@code current().settings()}
     */
    public S settings() {
        return current.settings();
    }

    /**
     * Installs new settings; work started afterwards sees them. Naming other executors takes a lease of them and
     * retires the old lease (closed now, or when the last {@link #hold()} on it is closed).
     *
     * @param next the new settings
     * @return the new snapshot
     * @throws IllegalStateException if this holder is closed
     */
    public Snapshot<S> configure(S next) {
        Objects.requireNonNull(next, "settings");
        Shared retired;
        Snapshot<S> installed;
        synchronized (lock) {
            checkOpen();
            Snapshot<S> old = current;
            IotExecutors executors = executors(next);
            if (executors == old.shared.lease.executors()) {
                installed = new Snapshot<>(next, old.shared);
                retired = null;
            } else {
                installed = new Snapshot<>(next, new Shared(executors.acquire()));
                retired = old.shared;
            }
            current = installed;
        }
        if (retired != null) {
            retired.retire();
        }
        return installed;
    }

    /**
     * Changes the settings in one atomic step: no other {@link #configure} or {@code update} runs between reading the
     * current settings and installing the changed ones.
     *
     * @param change computes the new settings from the current ones
     * @return the new snapshot
     * @throws IllegalStateException if this holder is closed
     */
    public Snapshot<S> update(UnaryOperator<S> change) {
        Objects.requireNonNull(change, "change");
        synchronized (lock) {
            checkOpen();
            return configure(change.apply(current.settings()));
        }
    }

    /**
     * Takes the snapshot in force and keeps its lease open until the returned hold is closed, even if the settings are
     * swapped or this holder is closed meanwhile.
     *
     * @return a hold; close it exactly when the work it covers has ended (closing it again has no effect)
     * @throws IllegalStateException if this holder is closed
     */
    public Hold<S> hold() {
        while (true) {
            Snapshot<S> s = current;
            if (s.shared.retain()) {
                return new Hold<>(s);
            }
            synchronized (lock) {
                checkOpen(); // retired by a swap: take the snapshot installed instead
            }
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Retires the current lease (closed now, or when its last hold is closed). Calling it again has no effect. */
    @Override
    public void close() {
        Shared retired;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            retired = current.shared;
        }
        retired.retire();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("closed: the manager holding these settings was closed");
        }
    }

    /** A lease with a count of the holds on it; closed once retired and not held. */
    private static final class Shared {
        private final IotExecutors.Lease lease;
        private int holds;
        private boolean retired;

        Shared(IotExecutors.Lease lease) {
            this.lease = lease;
        }

        synchronized boolean retain() {
            if (retired) {
                return false;
            }
            holds++;
            return true;
        }

        void release() {
            boolean close;
            synchronized (this) {
                close = --holds == 0 && retired;
            }
            if (close) {
                lease.close();
            }
        }

        void retire() {
            boolean close;
            synchronized (this) {
                if (retired) {
                    return;
                }
                retired = true;
                close = holds == 0;
            }
            if (close) {
                lease.close();
            }
        }
    }

    /**
     * One configuration: immutable settings and the lease of the executors they name.
     *
     * @param <S> the settings type
     * @since 0.1.0
     */
    public static final class Snapshot<S> {
        private final S settings;
        private final Shared shared;

        private Snapshot(S settings, Shared shared) {
            this.settings = settings;
            this.shared = shared;
        }

        /**
         * The settings.
         *
         * @return the settings
         */
        public S settings() {
            return settings;
        }

        /**
         * The lease of the executors the settings name.
         *
         * @return the lease of the executors the settings name
         */
        public IotExecutors.Lease lease() {
            return shared.lease;
        }

        /**
         * The lease's bounded work pool.
         *
         * @return the lease's bounded work pool
         */
        public Executor work() {
            return shared.lease.work();
        }

        /**
         * The lease's timer (short tasks only).
         *
         * @return the lease's timer (short tasks only)
         */
        public ScheduledExecutorService timer() {
            return shared.lease.timer();
        }
    }

    /**
     * A {@link Snapshot} whose lease stays open until {@link #close()}.
     *
     * @param <S> the settings type
     * @since 0.1.0
     */
    public static final class Hold<S> implements AutoCloseable {
        private final Snapshot<S> snapshot;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Hold(Snapshot<S> snapshot) {
            this.snapshot = snapshot;
        }

        /**
         * The snapshot held.
         *
         * @return the snapshot held
         */
        public Snapshot<S> snapshot() {
            return snapshot;
        }

        /**
         * The settings held.
         *
         * @return the settings held
         */
        public S settings() {
            return snapshot.settings();
        }

        /**
         * The lease held.
         *
         * @return the lease held
         */
        public IotExecutors.Lease lease() {
            return snapshot.lease();
        }

        /** Gives the hold back; the first call counts, later ones do nothing. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                snapshot.shared.release();
            }
        }
    }
}
