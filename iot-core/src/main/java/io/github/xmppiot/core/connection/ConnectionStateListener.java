package io.github.xmppiot.core.connection;

/**
 * Receives the state transitions of a connection (online, offline with cause, reconnecting in N s, back online
 * after N s, gave up); register with {@link ConnectionSupervisor#addListener(ConnectionStateListener)}.
 *
 * <p>Events are delivered one at a time, in order, on the supervisor's own thread, never on Smack's reader thread.
 * A listener must return quickly and must not block on network answers: it may send stanzas and start asynchronous
 * requests. An exception thrown by a listener is logged and does not affect other listeners.
 */
@FunctionalInterface
public interface ConnectionStateListener {

    /**
     * Called for each transition.
     *
     * @param event the transition
     */
    void onConnectionEvent(ConnectionEvent event);
}
