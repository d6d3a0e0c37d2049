package io.github.xmppiot.core.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How a lost connection is re-established: the first retry at once, then exponential backoff with jitter up to a
 * cap; an authentication failure always stops the retries (a changed password is not hammered). Immutable.
 *
 * <p>The default ({@link #defaults()}): retry at once, then after 1 s, 1.5 s, 2.25 s, ... capped at 60 s, each delay
 * shortened by a random amount of up to 20 % (jitter, so that a thousand devices do not reconnect in the same
 * millisecond after a server restart), without an attempt limit; XEP-0198 stream management with resumption where the
 * server offers it, so that a short network cut loses no stanza; a keep-alive ping (XEP-0199) after 30 s without
 * traffic, so that a silently dead TCP connection is noticed.
 *
 * <p>Reconnection is on by default for every connection created by {@link IotConnection}; {@link #disabled()} opts
 * out. The policy is applied by {@link ConnectionSupervisor}.
 *
 * @param enabled          false to never reconnect automatically
 * @param initialDelay     the delay before the second attempt (the first is made at once); positive
 * @param maxDelay         the cap of the delay between attempts; at least {@code initialDelay}
 * @param multiplier       the factor by which the delay grows per attempt; at least 1
 * @param jitter           the largest fraction (0 to 1) by which a delay is randomly shortened
 * @param maxAttempts      the number of failed attempts after which reconnection is given up; 0 for no limit
 * @param streamManagement true to use XEP-0198 stream management with resumption where the server offers it
 * @param keepAlive        the idle time (no stanza received) after which the server is pinged (XEP-0199 §4.2); a ping
 *                         unanswered within the connection's reply timeout means the connection is dead and it is
 *                         reconnected; {@link Duration#ZERO} for no keep-alive
 */
public record ReconnectPolicy(
        boolean enabled,
        Duration initialDelay,
        Duration maxDelay,
        double multiplier,
        double jitter,
        int maxAttempts,
        boolean streamManagement,
        Duration keepAlive) {

    /** Default delay before the second attempt: 1 second. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    /** Default cap of the delay between attempts: 60 seconds. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
    /**
     * Default growth factor of the delay: 1.5, so that after an outage of T seconds (T above a few seconds) the next
     * attempt comes within about T/2 of the server's return, until the cap is reached.
     */
    public static final double DEFAULT_MULTIPLIER = 1.5;
    /** Default jitter: delays are shortened by up to 20 %. */
    public static final double DEFAULT_JITTER = 0.2;
    /** Default keep-alive: ping the server after 30 seconds without traffic. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    private static final ReconnectPolicy DEFAULTS = new ReconnectPolicy(
            true,
            DEFAULT_INITIAL_DELAY,
            DEFAULT_MAX_DELAY,
            DEFAULT_MULTIPLIER,
            DEFAULT_JITTER,
            0,
            true,
            DEFAULT_KEEP_ALIVE);

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a value is out of range; the message names it
     */
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative (0 = no limit): " + maxAttempts);
        }
        if (keepAlive.isNegative() || (!keepAlive.isZero() && keepAlive.toSeconds() < 1)) {
            throw new IllegalArgumentException("keepAlive must be zero (off) or at least one second: " + keepAlive);
        }
    }

    /** @return the default policy described in the class comment */
    public static ReconnectPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never reconnects (stream management and keep-alive stay at their defaults) */
    public static ReconnectPolicy disabled() {
        return DEFAULTS.withEnabled(false);
    }

    /**
     * @param enabled false to never reconnect
     * @return a copy with this setting
     */
    public ReconnectPolicy withEnabled(boolean enabled) {
        return new ReconnectPolicy(
                enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts, streamManagement, keepAlive);
    }

    /**
     * @param initial the delay before the second attempt
     * @param max     the cap
     * @return a copy with these delays
     */
    public ReconnectPolicy withDelays(Duration initial, Duration max) {
        return new ReconnectPolicy(enabled, initial, max, multiplier, jitter, maxAttempts, streamManagement, keepAlive);
    }

    /**
     * @param multiplier the growth factor, at least 1
     * @param jitter     the largest random shortening, 0 to 1
     * @return a copy with these settings
     */
    public ReconnectPolicy withBackoff(double multiplier, double jitter) {
        return new ReconnectPolicy(
                enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts, streamManagement, keepAlive);
    }

    /**
     * @param maxAttempts failed attempts after which reconnection is given up, 0 for no limit
     * @return a copy with this limit
     */
    public ReconnectPolicy withMaxAttempts(int maxAttempts) {
        return new ReconnectPolicy(
                enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts, streamManagement, keepAlive);
    }

    /**
     * @param streamManagement false to never use XEP-0198 (every reconnect then starts a fresh session)
     * @return a copy with this setting
     */
    public ReconnectPolicy withStreamManagement(boolean streamManagement) {
        return new ReconnectPolicy(
                enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts, streamManagement, keepAlive);
    }

    /**
     * @param keepAlive idle time before a ping (XEP-0199), at least one second, or zero for none
     * @return a copy with this setting
     */
    public ReconnectPolicy withKeepAlive(Duration keepAlive) {
        return new ReconnectPolicy(
                enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts, streamManagement, keepAlive);
    }

    /**
     * The delay before an attempt: zero for the first, {@code initialDelay} for the second, then multiplied by
     * {@code multiplier} per attempt up to {@code maxDelay}, shortened by up to {@code jitter}.
     *
     * @param attempt the attempt number, 1 for the first attempt after the loss
     * @param random  a source of numbers in [0, 1), for the jitter
     * @return the delay, never negative and never above {@code maxDelay}
     */
    public Duration delayBefore(int attempt, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1: " + attempt);
        }
        if (attempt == 1) {
            return Duration.ZERO;
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.min(attempt - 2, 1000));
        millis = Math.min(millis, maxDelay.toMillis());
        millis *= 1.0 - jitter * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * @param failedAttempts the number of attempts that failed since the connection was lost
     * @return true if the policy allows another attempt
     */
    public boolean allowsAttempt(int failedAttempts) {
        return enabled && (maxAttempts == 0 || failedAttempts < maxAttempts);
    }
}
