package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Injected failures of one simulated device or pin. Every hardware operation on it first consumes one queued fault
 * (see {@link #failNext(HalException.Kind)}) or fails with the permanent fault (see
 * {@link #failAlways(HalException.Kind)}), and throws a {@link HalException} of that kind instead of touching the
 * simulated state.
 *
 * @since 0.1.0
 */
public final class MockFaults {

    private final String owner;
    private final Deque<HalException.Kind> next = new ArrayDeque<>();
    private HalException.Kind always;

    MockFaults(String owner) {
        this.owner = owner;
    }

    /**
     * Makes the next operation fail.
     *
     * @param kind the failure, for example {@link HalException.Kind#IO_ERROR} or {@link HalException.Kind#TIMEOUT}
     * @return this object
     */
    public synchronized MockFaults failNext(HalException.Kind kind) {
        return failNext(1, kind);
    }

    /**
     * Makes the next {@code count} operations fail.
     *
     * @param count how many operations fail, 1 or more
     * @param kind  the failure
     * @return this object
     */
    public synchronized MockFaults failNext(int count, HalException.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        for (int i = 0; i < count; i++) {
            next.add(kind);
        }
        return this;
    }

    /**
     * Makes every operation fail until {@link #clear()}.
     *
     * @param kind the failure
     * @return this object
     */
    public synchronized MockFaults failAlways(HalException.Kind kind) {
        this.always = Objects.requireNonNull(kind, "kind");
        return this;
    }

    /**
     * Removes all injected failures.
     *
     * @return this object
     */
    public synchronized MockFaults clear() {
        next.clear();
        always = null;
        return this;
    }

    /**
     * Number of queued one-shot failures not consumed yet.
     *
     * @return the count
     */
    public synchronized int pending() {
        return next.size();
    }

    synchronized void check(String operation) throws HalException {
        HalException.Kind kind = always != null ? always : next.poll();
        if (kind != null) {
            throw new HalException(kind, "injected " + kind + " on " + owner + " during " + operation);
        }
    }
}
