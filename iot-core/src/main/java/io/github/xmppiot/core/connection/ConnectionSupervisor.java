package io.github.xmppiot.core.connection;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Keeps one connection alive and reports its state: reconnects after a loss according to a {@link ReconnectPolicy},
 * resumes the stream with XEP-0198 where the server allows it (otherwise starts a fresh session with the same resource
 * and re-sends the last available presence), stops on an authentication failure, fails requests in flight at once
 * with {@link ConnectionLostException}, and tells {@link ConnectionStateListener}s about every transition.
 *
 * <p>One supervisor per connection: {@link #getInstanceFor(XMPPConnection)}. {@link IotConnection#create} applies the
 * configuration's policy ({@link IotConnectionConfig#reconnectPolicy()}, reconnection on by default); for any other
 * connection the supervisor only reports and fails requests fast until {@link #setPolicy(ReconnectPolicy)} is called.
 *
 * <p>Threads: reconnection attempts, the keep-alive ({@link ReconnectPolicy#keepAlive()}) and listener calls run on
 * one daemon thread per connection, named {@code xmpp-iot-supervisor-<domain>-<id>}, which ends when idle (with the
 * keep-alive on, it wakes once per keep-alive interval); never on Smack's reader thread. Its queue holds at most the
 * next scheduled attempt, the next keep-alive check and the pending events. The set of requests in flight holds each
 * request until its answer or its reply timeout, so it is bounded by the clients' own request rates and timeouts.
 *
 * <p>Delivery: requests in flight fail at once with {@link ConnectionLostException} ({@link #failFast}), and a request
 * reported failed never takes effect later: IQ requests ({@code get}/{@code set}) the server had not acknowledged are
 * never re-sent, neither into a resumed stream (XEP-0198) nor into a fresh session (a control command replayed after
 * its sender was told it failed could undo a newer decision). With a resumed stream every other stanza in flight
 * (answers, messages, presences) is delivered; with a fresh session nothing of the old session is re-sent. What is not
 * re-sent is logged at level FINE. See {@link SmackWorkarounds}.
 *
 * <p>To close a supervised connection for good, call {@link #close()} (or the connection's {@code disconnect()} while
 * it is online): that cancels pending attempts.
 */
public final class ConnectionSupervisor {

    /** The coarse state of a supervised connection. */
    public enum State {
        /** Logged in. */
        ONLINE,
        /** Lost; attempts to reconnect are scheduled or running. */
        RECONNECTING,
        /** Not logged in and not trying: never connected, closed by the application, or reconnection given up. */
        OFFLINE
    }

    private static final Logger LOG = Logger.getLogger(ConnectionSupervisor.class.getName());
    private static final Map<XMPPConnection, ConnectionSupervisor> INSTANCES = new WeakHashMap<>();

    private final WeakReference<XMPPConnection> connection;
    private final String name;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final StateListeners listeners;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final PresenceMemory presence;
    private final KeepAlive keepAlive;
    private volatile ReconnectPolicy policy = ReconnectPolicy.disabled();
    private volatile boolean up;
    private volatile State state;
    private volatile boolean inAttempt;
    private volatile Thread attemptThread;
    private volatile boolean resetting;
    private volatile boolean outage;
    private volatile Set<Stanza> resending = Set.of();
    // the fields below are used on the supervisor thread only
    private Instant downSince;
    private int attempts;
    private ScheduledFuture<?> pending;
    private Exception lastError;

    /**
     * @param c        the connection
     * @param executor runs every task of the supervisor, one at a time
     * @param clock    the time of the events
     */
    ConnectionSupervisor(XMPPConnection c, ScheduledExecutorService executor, Clock clock) {
        this.connection = new WeakReference<>(c);
        this.name = SupervisorThread.name(c);
        this.executor = executor;
        this.clock = clock;
        this.listeners = new StateListeners(name);
        this.up = c.isAuthenticated();
        this.state = up ? State.ONLINE : State.OFFLINE;
        this.presence = new PresenceMemory(c, () -> !inAttempt);
        this.keepAlive = new KeepAlive(executor, clock, connection::get, this, () -> up, this::keepAliveFailed);
        c.addConnectionListener(new Listener());
        if (c instanceof XMPPTCPConnection tcp) {
            // without this listener Smack re-sends, in a fresh session, the stanzas the old one had not acknowledged
            tcp.addStanzaDroppedListener(s -> LOG.fine(() -> name + ": not re-sent in the new session: " + s));
        }
    }

    /**
     * The supervisor of a connection, created on first use.
     *
     * @param connection the connection
     * @return its supervisor
     */
    public static synchronized ConnectionSupervisor getInstanceFor(XMPPConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return INSTANCES.computeIfAbsent(
                connection, c -> new ConnectionSupervisor(c, SupervisorThread.executor(c), Clock.systemUTC()));
    }

    /** Makes a supervisor the one {@link #getInstanceFor} returns for its connection, which must have none yet. */
    static synchronized ConnectionSupervisor register(ConnectionSupervisor supervisor, XMPPConnection c) {
        if (INSTANCES.putIfAbsent(c, supervisor) != null) {
            throw new IllegalStateException("the connection has a supervisor already");
        }
        return supervisor;
    }

    /**
     * The supervisor of a connection if one exists, without creating one.
     *
     * @param connection the connection
     * @return the supervisor or null
     */
    static synchronized ConnectionSupervisor existing(XMPPConnection connection) {
        return INSTANCES.get(connection);
    }

    /**
     * Whether a stanza may be written now. While the connection is being re-established only the attempt itself
     * (SASL, resource binding, the re-sent presence and unacknowledged stanzas) may write: Smack 4.4 would otherwise
     * queue stanzas sent during the outage and flush them into the next stream before TLS and authentication, which
     * the server rejects and which breaks the session.
     *
     * @return false while reconnecting, except on the attempt's own thread
     */
    boolean allowsSending() {
        return !outage || Thread.currentThread() == attemptThread;
    }

    /**
     * Whether Smack is re-sending this stanza into a resumed stream (on its reader thread, during an attempt).
     *
     * @param stanza a stanza being sent
     * @return true if it is one of the stanzas the server had not acknowledged when the connection was lost
     */
    boolean isResending(Stanza stanza) {
        return resending.contains(stanza);
    }

    /**
     * Sets the reconnection policy and applies its stream management (XEP-0198) and keep-alive (XEP-0199) settings
     * to the connection. Stream management settings take effect at the next login.
     *
     * @param policy the policy; {@link ReconnectPolicy#disabled()} stops automatic reconnection
     */
    public void setPolicy(ReconnectPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        XMPPConnection c = connection.get();
        if (c instanceof XMPPTCPConnection tcp) {
            tcp.setUseStreamManagement(policy.streamManagement());
            tcp.setUseStreamManagementResumption(policy.streamManagement());
        }
        keepAlive.start(policy.keepAlive());
    }

    /** @return the reconnection policy in force */
    public ReconnectPolicy policy() {
        return policy;
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /**
     * Registers a listener for state transitions.
     *
     * @param listener the listener
     */
    public void addListener(ConnectionStateListener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(ConnectionStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Makes a request's future fail at once with {@link ConnectionLostException} if the connection drops (or is
     * closed) before the future completes, or if the connection is not logged in now. Every client of the SDK sends
     * its requests through this method.
     *
     * @param <T>     the result type
     * @param request the future of a request just sent on this connection
     * @return the same future
     */
    public <T> CompletableFuture<T> failFast(CompletableFuture<T> request) {
        return inFlight.track(
                request,
                () -> up
                        ? null
                        : new ConnectionLostException(
                                "not connected" + (state == State.RECONNECTING ? " (reconnecting)" : ""), lastError));
    }

    /**
     * Stops reconnecting and disconnects the connection, for an application that shuts down. Idempotent.
     */
    public void close() {
        policy = policy.withEnabled(false);
        keepAlive.start(Duration.ZERO);
        executor.execute(() -> {
            cancelPending();
            XMPPConnection c = connection.get();
            if (c instanceof AbstractXMPPConnection a) {
                a.disconnect();
            }
            if (state != State.OFFLINE) {
                state = State.OFFLINE;
                fire(new ConnectionEvent.Offline(clock.instant(), null));
            }
        });
    }

    private void lost(Exception cause, boolean byApplication) {
        up = false;
        outage = !byApplication && policy.enabled();
        ConnectionLostException failure = new ConnectionLostException(
                byApplication ? "connection closed" : "connection lost: " + ConnectionLostException.reason(cause),
                cause);
        inFlight.failAll(failure);
        executor.execute(() -> {
            if (!byApplication && (inAttempt || state == State.RECONNECTING)) {
                return; // a failing attempt reports itself
            }
            if (byApplication && state == State.OFFLINE) {
                return; // already reported (close(), or never online)
            }
            cancelPending();
            lastError = cause;
            boolean retry = !byApplication && policy.enabled() && state == State.ONLINE;
            state = retry ? State.RECONNECTING : State.OFFLINE;
            outage = retry;
            fire(new ConnectionEvent.Offline(clock.instant(), cause));
            if (retry) {
                downSince = clock.instant();
                attempts = 0;
                presence.rememberForRestore();
                scheduleNext();
            }
        });
    }

    private void keepAliveFailed(long timeoutMillis) {
        executor.execute(() -> {
            if (state == State.ONLINE && up && connection.get() instanceof AbstractXMPPConnection a) {
                SmackWorkarounds.shutdownQuietly(a);
                lost(
                        new java.io.IOException("no answer to the keep-alive ping (XEP-0199) within " + timeoutMillis
                                + " ms; the connection is dead"),
                        false);
            }
        });
    }

    private void scheduleNext() {
        if (!policy.allowsAttempt(attempts)) {
            giveUp(
                    lastError,
                    policy.enabled()
                            ? "no connection after " + attempts + " attempts (the policy's "
                                    + "limit); check the server and the network, then start again"
                            : "reconnection is disabled");
            return;
        }
        Duration delay = policy.delayBefore(attempts + 1, ThreadLocalRandom.current()::nextDouble);
        fire(new ConnectionEvent.Reconnecting(clock.instant(), attempts + 1, delay));
        pending = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One attempt; every way out of it either restores the connection, schedules the next attempt or gives up. */
    private void attempt() {
        XMPPConnection c = connection.get();
        if (state != State.RECONNECTING || !(c instanceof AbstractXMPPConnection a)) {
            return; // closed by the application, or already back; nothing to report
        }
        attempts++;
        inAttempt = true;
        attemptThread = Thread.currentThread();
        try {
            SmackWorkarounds.reconnect(a, presence.resource(), set -> resending = set, on -> resetting = on);
        } catch (SASLErrorException e) {
            lastError = e;
            SmackWorkarounds.shutdownQuietly(a);
            giveUp(
                    e,
                    "the server refused the credentials (" + e.getSASLFailure().getSASLErrorString()
                            + "); fix the account's password or JID, then start again");
            return;
        } catch (Exception | AssertionError | LinkageError e) {
            // any failure, including Smack's internal assertions (tests run with -ea), leads to the next attempt
            if (e instanceof InterruptedException) {
                Thread.interrupted(); // only the executor interrupts its thread; the next attempt starts clean
            }
            lastError = e instanceof Exception x ? x : new java.io.IOException(e);
            LOG.log(Level.FINE, name + ": attempt " + attempts + " failed", e);
            SmackWorkarounds.shutdownQuietly(a);
            scheduleNext();
            return;
        } finally {
            inAttempt = false;
            attemptThread = null;
            resending = Set.of();
        }
        boolean resumed = a instanceof XMPPTCPConnection t && t.streamWasResumed();
        outage = false;
        up = true;
        if (!resumed) {
            presence.restore();
        }
        state = State.ONLINE;
        fire(restored(resumed, a.getUser()));
    }

    private ConnectionEvent.Restored restored(boolean resumed, Object jid) {
        Instant now = clock.instant();
        return new ConnectionEvent.Restored(
                now, Duration.between(downSince, now), resumed, attempts, String.valueOf(jid));
    }

    private void giveUp(Exception cause, String reason) {
        cancelPending();
        outage = false;
        state = State.OFFLINE;
        fire(new ConnectionEvent.GaveUp(
                clock.instant(), cause != null ? cause : new ConnectionLostException("connection lost", null), reason));
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void fire(ConnectionEvent event) {
        listeners.fire(event);
    }

    private final class Listener implements ConnectionListener {
        @Override
        public void authenticated(XMPPConnection c, boolean resumed) {
            presence.boundTo(c.getUser());
            if (inAttempt) {
                return; // the attempt reports Restored once login() has returned
            }
            up = true;
            outage = false;
            executor.execute(() -> {
                State before = state;
                cancelPending();
                state = State.ONLINE;
                if (before == State.RECONNECTING) {
                    fire(restored(resumed, c.getUser()));
                } else {
                    fire(new ConnectionEvent.Online(clock.instant(), String.valueOf(c.getUser())));
                }
            });
        }

        @Override
        public void connectionClosed() {
            if (!resetting) {
                lost(null, true);
            }
        }

        @Override
        public void connectionClosedOnError(Exception e) {
            lost(e, false);
        }
    }
}
