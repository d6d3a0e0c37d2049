package io.github.xmppiot.testkit;

import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionStateListener;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.XMPPConnection;

/**
 * Records the state transitions of a connection ({@link ConnectionEvent}) for tests, and waits for them: attach it
 * with {@link #attach(XMPPConnection)}, break the network or restart the server, then
 * {@link #await(Class, Duration)} the {@link ConnectionEvent.Restored} event. Thread-safe; keeps at most
 * {@link #CAPACITY} events (the oldest are dropped).
 */
public final class ConnectionEventRecorder implements ConnectionStateListener {

    /** The number of events kept. */
    public static final int CAPACITY = 1000;

    private final List<ConnectionEvent> events = new ArrayList<>();
    private int consumed;

    /**
     * Creates a recorder and registers it with the connection's supervisor.
     *
     * @param connection the connection to watch
     * @return the recorder
     */
    public static ConnectionEventRecorder attach(XMPPConnection connection) {
        ConnectionEventRecorder r = new ConnectionEventRecorder();
        ConnectionSupervisor.getInstanceFor(connection).addListener(r);
        return r;
    }

    @Override
    public synchronized void onConnectionEvent(ConnectionEvent event) {
        if (events.size() == CAPACITY) {
            events.remove(0);
            consumed = Math.max(0, consumed - 1);
        }
        events.add(event);
        notifyAll();
    }

    /** @return a copy of the events recorded so far, oldest first */
    public synchronized List<ConnectionEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Waits for the next event of a type that was not returned by an earlier call, skipping other events.
     *
     * @param <T>     the event type
     * @param type    the event type
     * @param timeout how long to wait
     * @return the event
     * @throws AssertionError if no such event arrives in time; the message lists the events seen
     */
    public synchronized <T extends ConnectionEvent> T await(Class<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = consumed; i < events.size(); i++) {
                if (type.isInstance(events.get(i))) {
                    consumed = i + 1;
                    return type.cast(events.get(i));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No " + type.getSimpleName() + " event within " + timeout + "; events: "
                        + events.stream().map(ConnectionEvent::describe).toList());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + type.getSimpleName(), e);
            }
        }
    }

    /**
     * Polls a condition until it holds, for outcomes that have no event (a service answering again). Exceptions
     * thrown by the condition count as "not yet".
     *
     * @param what      a description for the failure message
     * @param timeout   how long to try
     * @param condition the condition
     * @throws AssertionError if the condition does not hold in time; the message names the last exception
     */
    public static void eventually(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError failure = new AssertionError(
                        what + " did not happen within " + timeout + (last == null ? "" : "; last error: " + last));
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling interval
        }
    }
}
