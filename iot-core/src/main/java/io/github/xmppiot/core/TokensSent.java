package io.github.xmppiot.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

/**
 * Tells whoever answers token challenges on a connection which provisioning tokens its requests carried to whom.
 * XEP-0324 §3.1.3.2 and §6.2: a party answers a {@code tokenChallenge} only from a JID to which it sent that token
 * within the last minute, so the read-out (XEP-0323) and control (XEP-0325) clients announce their tokens here before
 * they send a request, and the provisioning client (module xep0324-provisioning), which holds the tokens' private keys,
 * listens. This keeps the read-out and control modules free of any dependency on provisioning.
 *
 * <p>Bounded: at most {@link #MAX_LISTENERS} listeners per connection; listeners are called on the sending thread
 * and must return quickly.
 *
 * @since 0.1.0
 */
public final class TokensSent {

    /** Most listeners on one connection (one provisioning client needs one). */
    public static final int MAX_LISTENERS = 8;

    private static final Logger LOG = Logger.getLogger(TokensSent.class.getName());
    private static final Map<XMPPConnection, List<Listener>> LISTENERS = new WeakHashMap<>();

    /** Learns the tokens a request carries, before the request is sent. */
    @FunctionalInterface
    public interface Listener {
        /**
         * A request carrying tokens is about to be sent.
         *
         * @param tokens the tokens, never empty
         * @param to     the recipient
         */
        void sending(Tokens tokens, Jid to);
    }

    private TokensSent() {}

    /**
     * Adds a listener for the requests sent from a connection.
     *
     * @param connection the connection
     * @param listener   the listener
     * @throws IllegalStateException if the connection has {@link #MAX_LISTENERS} listeners already
     */
    public static synchronized void addListener(XMPPConnection connection, Listener listener) {
        List<Listener> list = LISTENERS.computeIfAbsent(
                Objects.requireNonNull(connection, "connection"), c -> new CopyOnWriteArrayList<>());
        if (list.size() >= MAX_LISTENERS) {
            throw new IllegalStateException("a connection takes at most " + MAX_LISTENERS + " token listeners");
        }
        list.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param connection the connection
     * @param listener   the listener
     */
    public static synchronized void removeListener(XMPPConnection connection, Listener listener) {
        List<Listener> list = LISTENERS.get(connection);
        if (list != null) {
            list.remove(listener);
        }
    }

    /**
     * Announces that a request carrying tokens is about to be sent; call it before sending. Nothing happens without
     * tokens or without listeners; a failing listener is logged and does not stop the request.
     *
     * @param connection the sending connection
     * @param tokens     the tokens the request carries
     * @param to         the recipient
     */
    public static void announce(XMPPConnection connection, Tokens tokens, Jid to) {
        if (tokens == null || to == null || tokens.isEmpty()) {
            return;
        }
        List<Listener> list;
        synchronized (TokensSent.class) {
            list = LISTENERS.get(connection);
        }
        if (list == null) {
            return;
        }
        for (Listener l : list) {
            try {
                l.sending(tokens, to);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a token listener failed; the request is sent anyway", e);
            }
        }
    }
}
