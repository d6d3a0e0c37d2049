package io.github.xmppiot.sensordata.internal;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The listener calls of one client read-out: run one at a time, in order, on a bounded serial executor of the client's
 * work pool (never Smack's reader thread), and the hand-back of the client's executors once the last call is queued.
 */
public final class ListenerCalls {

    private final Executor serial;
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * Creates the calls of one read-out.
     *
     * @param serial    a bounded serial executor (for example {@code lease.serial(bound)})
     * @param onRelease gives the client's executors back; run once, by {@link #release()}
     */
    public ListenerCalls(Executor serial, Runnable onRelease) {
        this.serial = Objects.requireNonNull(serial, "serial");
        this.onRelease = Objects.requireNonNull(onRelease, "onRelease");
    }

    /**
     * Queues a call.
     *
     * @param call    the call
     * @param refused told when the executor refuses it (too many calls waiting, or the pool full or shut down)
     */
    public void post(Runnable call, Consumer<RejectedExecutionException> refused) {
        try {
            serial.execute(call);
        } catch (RejectedExecutionException e) {
            refused.accept(e);
        }
    }

    /** Gives the client's executors back; later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }
}
