package io.github.xmppiot.core.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transition of a supervised connection's state, delivered to {@link ConnectionStateListener}s by
 * {@link ConnectionSupervisor}. Every event has a one-line {@link #describe()} for logs and command-line tools.
 *
 * <p>Sequence: {@link Online} once after the first login; on a loss {@link Offline}, then for each attempt
 * {@link Reconnecting}, and finally either {@link Restored} or {@link GaveUp}. An application's own
 * {@code disconnect()} produces {@link Offline} without a cause and no retries.
 */
public sealed interface ConnectionEvent {

    /** @return when the transition happened */
    Instant at();

    /** @return a single line describing the transition, for logs and consoles */
    String describe();

    /**
     * The connection logged in for the first time.
     *
     * @param at  when
     * @param jid the full JID the connection is bound to
     */
    record Online(Instant at, String jid) implements ConnectionEvent {
        /** Checks the components. */
        public Online {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(jid, "jid");
        }

        @Override
        public String describe() {
            return "online as " + jid;
        }
    }

    /**
     * The connection was lost, or closed by the application.
     *
     * @param at    when
     * @param cause the error, or null if the application closed the connection
     */
    record Offline(Instant at, Exception cause) implements ConnectionEvent {
        /** Checks the components. */
        public Offline {
            Objects.requireNonNull(at, "at");
        }

        /** @return the error that ended the connection, or empty if the application closed it */
        public Optional<Exception> error() {
            return Optional.ofNullable(cause);
        }

        @Override
        public String describe() {
            return cause == null ? "offline (closed)" : "offline: " + ConnectionLostException.reason(cause);
        }
    }

    /**
     * An attempt to reconnect is scheduled.
     *
     * @param at      when it was scheduled
     * @param attempt the attempt number since the loss, starting at 1
     * @param delay   how long until the attempt is made
     */
    record Reconnecting(Instant at, int attempt, Duration delay) implements ConnectionEvent {
        /** Checks the components. */
        public Reconnecting {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public String describe() {
            return "reconnecting in " + seconds(delay) + " s (attempt " + attempt + ")";
        }
    }

    /**
     * The connection is back. With {@code resumed} the XEP-0198 stream was resumed: the session, its presence and
     * every stanza in flight survived, so nothing has to be restored. Without it a fresh session was started:
     * the supervisor has re-sent the last available presence (same resource where the server allows it), and
     * managers must restore any server-side state (registrations, subscriptions) in their listener.
     *
     * @param at       when
     * @param downtime how long the connection was down
     * @param resumed  true if the XEP-0198 stream was resumed, false for a fresh session
     * @param attempts how many attempts it took
     * @param jid      the full JID the connection is bound to now
     */
    record Restored(Instant at, Duration downtime, boolean resumed, int attempts, String jid)
            implements ConnectionEvent {
        /** Checks the components. */
        public Restored {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(downtime, "downtime");
            Objects.requireNonNull(jid, "jid");
        }

        @Override
        public String describe() {
            return "back online after " + seconds(downtime) + " s (" + (resumed ? "stream resumed" : "new session")
                    + ", attempt " + attempts + ")";
        }
    }

    /**
     * Reconnection was given up: the server refused the credentials, or the policy's attempt limit was reached.
     * The connection stays offline until the application connects it again.
     *
     * @param at     when
     * @param cause  the last error
     * @param reason why reconnection stopped, naming the fix
     */
    record GaveUp(Instant at, Exception cause, String reason) implements ConnectionEvent {
        /** Checks the components. */
        public GaveUp {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "gave up reconnecting: " + reason;
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
