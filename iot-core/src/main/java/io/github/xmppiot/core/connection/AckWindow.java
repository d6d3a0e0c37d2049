package io.github.xmppiot.core.connection;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.SmackException.NotConnectedException;

/**
 * Keeps a sender from filling Smack 4.4.8's XEP-0198 queues, which deadlocks a connection for good.
 *
 * <p>Smack's writer thread puts every stanza it writes into the queue of unacknowledged stanzas (500 places) and
 * blocks while that queue is full; the queue empties only when the reader thread handles the server's {@code <a/>}.
 * The reader thread in turn answers the server's {@code <r/>} by putting an {@code <a/>} into the writer's queue (500
 * places) and blocks while that one is full. An application that sends faster than the server acknowledges fills both:
 * the writer waits for the reader, the reader for the writer, and from then on nothing is read or written, not even
 * the server's stream error or its closing of the connection. The connection neither works nor reports a loss.
 *
 * <p>A stanza is therefore sent only while fewer than {@link #LIMIT} stanzas are queued or unacknowledged, checked and
 * queued under one lock so concurrent senders cannot overshoot. Over the limit the sender asks the server for an
 * acknowledgement (XEP-0198 §4) and waits until there is room, for at most the reply timeout; then it fails with
 * {@link NotConnectedException} (the server is not acknowledging, so the connection is as good as lost and the
 * keep-alive will find out). The reader thread never waits here (it would wait for itself), and neither does a sender
 * while the stream is down: then Smack decides as before. The wait polls every millisecond, only while over the limit.
 */
final class AckWindow {

    /**
     * Stanzas queued or unacknowledged at most: below Smack's 500-place queues, above the 400 at which Smack's writer
     * asks the server for an acknowledgement by itself.
     */
    static final int LIMIT = 480;

    private static final Logger LOG = Logger.getLogger(AckWindow.class.getName());
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final IntSupplier inFlight;
    private final BooleanSupplier streamUp;
    private final AckRequest requestAck;
    private final LongSupplier timeoutMillis;

    /** Asks the server for an acknowledgement. */
    @FunctionalInterface
    interface AckRequest {
        /**
         * Sends {@code <r/>}.
         *
         * @throws Exception if it could not be sent (the wait goes on without it)
         */
        void send() throws Exception;
    }

    /** The sending this window lets through. */
    @FunctionalInterface
    interface Send {
        /**
         * Queues the stanza.
         *
         * @throws NotConnectedException as Smack's send
         * @throws InterruptedException  as Smack's send
         */
        void run() throws NotConnectedException, InterruptedException;
    }

    /**
     * Creates a window.
     *
     * @param inFlight      stanzas queued for writing plus unacknowledged ones; negative when unknown (no limit then)
     * @param streamUp      whether the stream is up with stream management enabled
     * @param requestAck    asks the server for an acknowledgement
     * @param timeoutMillis how long a sender waits for room at most (the reply timeout)
     */
    AckWindow(IntSupplier inFlight, BooleanSupplier streamUp, AckRequest requestAck, LongSupplier timeoutMillis) {
        this.inFlight = inFlight;
        this.streamUp = streamUp;
        this.requestAck = requestAck;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends once there is room in the window.
     *
     * @param send queues the stanza with Smack
     * @throws NotConnectedException if there was no room within the timeout, or from the send
     * @throws InterruptedException  if interrupted while waiting
     */
    void send(Send send) throws NotConnectedException, InterruptedException {
        lock.lockInterruptibly();
        try {
            awaitRoom();
            send.run();
        } finally {
            lock.unlock();
        }
    }

    private void awaitRoom() throws NotConnectedException, InterruptedException {
        if (inFlight.getAsInt() < LIMIT || !streamUp.getAsBoolean()) {
            return;
        }
        try {
            requestAck.send();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.FINE, "could not ask the server for an acknowledgement", e);
        }
        long timeout = timeoutMillis.getAsLong();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        while (inFlight.getAsInt() >= LIMIT && streamUp.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new NotConnectedException("the server has not acknowledged the last " + LIMIT
                        + " stanzas within " + timeout + " ms (XEP-0198), so no more are sent; the connection is"
                        + " probably lost and will be re-established");
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for the server's acknowledgement");
            }
        }
    }
}
