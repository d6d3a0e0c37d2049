package io.github.xmppiot.core.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.ping.PingManager;

/**
 * The keep-alive of a supervised connection: after {@link ReconnectPolicy#keepAlive()} without any stanza received,
 * the server is pinged (XEP-0199 §4.2, client-to-server ping); without an answer within the connection's reply
 * timeout the connection is dead. This catches a link that swallows packets without closing (no RST, no FIN), which
 * TCP itself notices only after many minutes.
 *
 * <p>Smack's own periodic ping ({@code PingManager.setPingInterval}) is not used: in Smack 4.4.8 it waits at least two
 * minutes for the answer, whatever the reply timeout. {@code PingManager} still answers the server's pings.
 *
 * <p>Runs on the supervisor's thread; at most one check is scheduled and one ping is in flight at a time. A ping in
 * flight when the connection is lost fails with {@link ConnectionLostException} and is ignored.
 */
final class KeepAlive {

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Supplier<XMPPConnection> connection;
    private final ConnectionSupervisor supervisor;
    private final BooleanSupplier online;
    private final LongConsumer dead;
    private Duration interval = Duration.ZERO;
    private ScheduledFuture<?> next;
    private boolean pinging;

    /**
     * @param executor   the supervisor's executor
     * @param clock      the clock the idle time is measured with (that of {@link XMPPConnection#getLastStanzaReceived})
     * @param connection the connection, while it exists
     * @param supervisor its supervisor (for fail-fast pings)
     * @param online     whether the connection is online now
     * @param dead       called with the reply timeout in milliseconds when a ping got no answer
     */
    KeepAlive(
            ScheduledExecutorService executor,
            Clock clock,
            Supplier<XMPPConnection> connection,
            ConnectionSupervisor supervisor,
            BooleanSupplier online,
            LongConsumer dead) {
        this.executor = executor;
        this.clock = clock;
        this.connection = connection;
        this.supervisor = supervisor;
        this.online = online;
        this.dead = dead;
    }

    /**
     * Starts or restarts the keep-alive with an interval, replacing Smack's periodic ping.
     *
     * @param interval idle time before a ping, or zero for none
     */
    synchronized void start(Duration interval) {
        this.interval = interval;
        XMPPConnection c = connection.get();
        if (c != null) {
            PingManager.getInstanceFor(c).setPingInterval(-1);
        }
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (!interval.isZero()) {
            schedule(interval.toMillis());
        }
    }

    private synchronized void schedule(long millis) {
        if (!interval.isZero() && !executor.isShutdown()) {
            next = executor.schedule(this::check, Math.max(millis, 1), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        XMPPConnection c;
        long timeout;
        synchronized (this) {
            next = null;
            c = connection.get();
            if (c == null || interval.isZero()) {
                return;
            }
            long last = c.getLastStanzaReceived();
            long idle = clock.millis() - last;
            if (!online.getAsBoolean() || pinging || (last > 0 && idle < interval.toMillis())) {
                schedule(last > 0 && idle < interval.toMillis() ? interval.toMillis() - idle : interval.toMillis());
                return;
            }
            pinging = true;
            timeout = c.getReplyTimeout();
        }
        // sent outside the lock: sending may wait for the server's acknowledgements (AckWindow) up to the reply
        // timeout, and this ping's own timeout, which Smack fires on one of its reactor threads, must not wait for it
        CompletableFuture<Boolean> pong = new CompletableFuture<>();
        try {
            PingManager.getInstanceFor(c)
                    .pingAsync(c.getXMPPServiceDomain(), timeout)
                    .onSuccess(pong::complete)
                    .onError(pong::completeExceptionally);
        } catch (RuntimeException e) {
            pong.completeExceptionally(e);
        }
        supervisor.failFast(pong).whenComplete((ok, e) -> answered(e, timeout));
    }

    private synchronized void answered(Throwable failure, long timeout) {
        pinging = false;
        Throwable cause = failure instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : failure;
        if (cause != null && !(cause instanceof ConnectionLostException) && online.getAsBoolean()) {
            dead.accept(timeout);
        }
        schedule(interval.toMillis());
    }
}
