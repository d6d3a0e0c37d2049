package io.github.xmppiot.core.connection;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * How {@link ConnectionSupervisor} re-establishes a connection on Smack 4.4.8, with the repairs of Smack's internal
 * state that this needs. Smack has no public API for either repair, so two private fields are read by reflection
 * ({@code XMPPTCPConnection.packetWriter.queue} and {@code XMPPTCPConnection.unacknowledgedStanzas}); if a Smack
 * version lacks them, a WARNING is logged once and the repair is skipped.
 *
 * <ul>
 * <li><b>Stale writer queue.</b> Stanzas sent in the instant between a stream error and the connection listeners
 *     learning of it (Smack calls them asynchronously) are put into the writer queue of the dead stream. When the
 *     stream error also dropped the XEP-0198 state (a {@code <reset/>} after a password change does), Smack does not
 *     drain that queue on the next {@code connect()} and writes its contents before the new stream header; the server
 *     answers {@code invalid-namespace} and every further attempt fails the same way, so a refused password was never
 *     reached and never reported. Before a fresh session the queue is emptied: its stanzas belong to the old session
 *     and are not re-sent in a fresh one anyway.
 * <li><b>Re-sent requests.</b> When a stream is resumed, Smack re-sends the stanzas the server had not acknowledged,
 *     on its reader thread. Answers, messages and presences are re-sent (nothing is lost); IQ requests
 *     ({@code get}/{@code set}) are not: every request in flight at the loss has already failed with
 *     {@link ConnectionLostException} ({@link ConnectionSupervisor#failFast}), and a request reported failed must
 *     never take effect later (a control set replayed after its sender was told it failed could undo a newer
 *     decision). Requests sent with plain Smack API get their {@code NoResponseException} after the reply timeout.
 *     They are dropped at the moment of re-sending, after Smack has matched the server's count of handled stanzas,
 *     so that count stays right.
 * </ul>
 */
final class SmackWorkarounds {

    private static final Logger LOG = Logger.getLogger(SmackWorkarounds.class.getName());
    private static final Field WRITER = field(XMPPTCPConnection.class, "packetWriter");
    private static final Field WRITER_QUEUE = WRITER == null ? null : field(WRITER.getType(), "queue");
    private static final Field UNACKNOWLEDGED = field(XMPPTCPConnection.class, "unacknowledgedStanzas");

    private SmackWorkarounds() {}

    /**
     * One attempt to re-establish a connection: always a new TCP connection, then the XEP-0198 stream is resumed if
     * Smack still can, otherwise a fresh session is started with the same resource, from a clean writer queue.
     *
     * @param a         the connection
     * @param resource  the resource to ask for in a fresh session
     * @param resending told, before a resumption, which stanzas Smack is about to re-send (the ones the server had
     *                  not acknowledged at the loss; an identity set)
     * @param resetting told whether the reset of a connection that is no longer resumable is in progress (its close
     *                  is not a loss)
     * @throws SmackException       on a Smack failure (including a refused login, as {@code SASLErrorException})
     * @throws XMPPException        on a stream or stanza error
     * @throws java.io.IOException  on a network failure
     * @throws InterruptedException if interrupted
     */
    static void reconnect(
            AbstractXMPPConnection a,
            Resourcepart resource,
            Consumer<Set<Stanza>> resending,
            Consumer<Boolean> resetting)
            throws SmackException, XMPPException, java.io.IOException, InterruptedException {
        boolean resumable = a instanceof XMPPTCPConnection t && t.isDisconnectedButSmResumptionPossible();
        if (a.isConnected() && !resumable) {
            // Smack kept a stream "resumable" that can no longer be resumed (a stream error dropped the XEP-0198
            // state after the shutdown): it still counts as connected, so close what is left of it first
            resetting.accept(true);
            try {
                a.disconnect(null);
            } finally {
                resetting.accept(false);
            }
        }
        if (!resumable && a instanceof XMPPTCPConnection t) {
            int stale = discardWriterQueue(t);
            if (stale > 0) {
                LOG.fine(() -> a + ": " + stale + " stanza(s) of the lost stream not written into the new one");
            }
        }
        // always a new TCP connection and a login: disconnect() cannot leave Smack's "disconnected but resumable"
        // state (connected and authenticated stay true), and skipping connect() in it sent every later attempt's
        // SASL into the dead stream; Smack allows connect() in that state
        a.connect();
        if (resumable) {
            // connect() has moved what was queued during the outage into the unacknowledged queue
            Set<Stanza> set = Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(unacknowledged((XMPPTCPConnection) a));
            resending.accept(Collections.synchronizedSet(set));
        }
        var config = a.getConfiguration();
        a.login(config.getUsername(), config.getPassword(), resource);
    }

    /**
     * Whether the Smack fields the repairs need were found.
     *
     * @return true on Smack 4.4.8
     */
    static boolean available() {
        return WRITER_QUEUE != null && UNACKNOWLEDGED != null;
    }

    /**
     * Whether a stanza Smack re-sends into a resumed stream is a request that must not be re-sent.
     *
     * @param stanza a re-sent stanza
     * @return true for IQ requests (get and set)
     */
    static boolean isRequest(Stanza stanza) {
        return stanza instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set);
    }

    /**
     * Closes a connection after a failed attempt, ignoring failures.
     *
     * @param a the connection
     */
    static void shutdownQuietly(AbstractXMPPConnection a) {
        try {
            a.instantShutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "instant shutdown after a failed attempt", e);
        }
    }

    /**
     * Empties the writer queue of a connection whose stream is closed.
     *
     * @param c the connection, not connected
     * @return the number of stream elements discarded
     */
    static int discardWriterQueue(XMPPTCPConnection c) {
        Object queue = get(WRITER_QUEUE, get(WRITER, c));
        if (!(queue instanceof BlockingQueue<?> q)) {
            return 0;
        }
        return q.drainTo(new ArrayList<Object>());
    }

    /**
     * The stanzas the server has not acknowledged yet (XEP-0198), in order.
     *
     * @param c the connection
     * @return a copy; empty without stream management
     */
    static List<Stanza> unacknowledged(XMPPTCPConnection c) {
        Object queue = get(UNACKNOWLEDGED, c);
        if (!(queue instanceof Collection<?> q)) {
            return List.of();
        }
        List<Stanza> copy = new ArrayList<>();
        for (Object o : q.toArray()) {
            copy.add((Stanza) o);
        }
        return copy;
    }

    /**
     * How many stanzas are queued for writing or not yet acknowledged by the server ({@link AckWindow}).
     *
     * @param c the connection
     * @return the sum of both queues' sizes (the writer queue also holds a few nonzas), or -1 if Smack's fields are
     *     missing
     */
    static int inFlight(XMPPTCPConnection c) {
        Object writerQueue = get(WRITER_QUEUE, get(WRITER, c));
        Object unacknowledged = get(UNACKNOWLEDGED, c);
        if (!(writerQueue instanceof Collection<?> w)) {
            return -1;
        }
        return w.size() + (unacknowledged instanceof Collection<?> u ? u.size() : 0);
    }

    private static Object get(Field f, Object target) {
        if (f == null || target == null) {
            return null;
        }
        try {
            return f.get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read Smack's " + f.getName() + "; a Smack workaround is skipped", e);
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            LOG.warning("Smack's " + type.getSimpleName() + "." + name + " not found (a Smack version other than "
                    + "4.4.8?); the reconnection workaround that needs it is off: " + e);
            return null;
        }
    }
}
