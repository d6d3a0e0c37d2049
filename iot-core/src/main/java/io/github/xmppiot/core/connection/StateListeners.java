package io.github.xmppiot.core.connection;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ConnectionStateListener}s of one supervised connection. {@link #fire} is called on the supervisor's
 * thread only, so events reach every listener one at a time and in order; a failing listener is logged and does not
 * keep the event from the others.
 */
final class StateListeners {

    private static final Logger LOG = Logger.getLogger(ConnectionSupervisor.class.getName());

    private final String name;
    private final List<ConnectionStateListener> listeners = new CopyOnWriteArrayList<>();

    /** @param name the supervisor's name, for the log */
    StateListeners(String name) {
        this.name = name;
    }

    void add(ConnectionStateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(ConnectionStateListener listener) {
        listeners.remove(listener);
    }

    void fire(ConnectionEvent event) {
        LOG.fine(() -> name + ": " + event.describe());
        for (ConnectionStateListener l : listeners) {
            try {
                l.onConnectionEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": connection state listener failed on " + event, e);
            }
        }
    }
}
