package io.github.xmppiot.control;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ControlClient} sends XEP-0325 requests: one immutable snapshot, swapped as a whole with
 * {@link ControlClient#configure(ControlClientSettings)} or {@link ControlClient#update}. A request uses the snapshot in
 * force when it is sent.
 *
 * <p>Defaults ({@link #DEFAULTS}):
 *
 * <ul>
 *   <li>{@code replyTimeout}: empty, meaning the connection's reply timeout
 *       ({@link org.jivesoftware.smack.XMPPConnection#getReplyTimeout()}, read when a request is sent), which settings
 *       cannot know; a request without an answer in time fails with Smack's
 *       {@link org.jivesoftware.smack.SmackException.NoResponseException};</li>
 *   <li>{@code executors}: {@link IotExecutors#shared()}, on which the client's futures complete, so that code chained
 *       to them never runs on Smack's threads.</li>
 * </ul>
 *
 * @param replyTimeout how long to wait for an answer; empty for the connection's reply timeout
 * @param executors    the threads the client's futures complete on
 * @since 0.1.0
 */
public record ControlClientSettings(Optional<Duration> replyTimeout, IotExecutors executors) {

    /** The defaults listed above. */
    public static final ControlClientSettings DEFAULTS = builder().build();

    private static final String NO_EXECUTORS = "executors must not be null; use IotExecutors.shared() (the default)";

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     if a component is null, naming the component
     * @throws IllegalArgumentException if the reply timeout is not positive
     */
    public ControlClientSettings {
        Objects.requireNonNull(
                replyTimeout, "replyTimeout must not be null; use Optional.empty() for the connection's timeout");
        replyTimeout.ifPresent(ControlClientSettings::checkTimeout);
        Objects.requireNonNull(executors, NO_EXECUTORS);
    }

    private static Duration checkTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("replyTimeout must be positive, was " + timeout
                    + "; give for example Duration.ofSeconds(10), or null for the connection's reply timeout");
        }
        return timeout;
    }

    /**
     * Starts settings from the defaults.
     *
     * @return a builder holding {@link #DEFAULTS}' values
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts settings from these.
     *
     * @return a builder holding these values
     */
    public Builder toBuilder() {
        return new Builder().replyTimeout(replyTimeout.orElse(null)).executors(executors);
    }

    /**
     * Builds {@link ControlClientSettings}; every setter checks its argument at once.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Duration replyTimeout;
        private IotExecutors executors = IotExecutors.shared();

        private Builder() {}

        /**
         * Sets how long to wait for answers.
         *
         * @param timeout a positive duration, or {@code null} for the connection's reply timeout (the default)
         * @return this builder
         */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = timeout == null ? null : checkTimeout(timeout);
            return this;
        }

        /**
         * Sets the threads the client's futures complete on.
         *
         * @param executors for example {@code IotExecutors.builder().name("control-client").build()}
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = Objects.requireNonNull(executors, NO_EXECUTORS);
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public ControlClientSettings build() {
            return new ControlClientSettings(Optional.ofNullable(replyTimeout), executors);
        }
    }
}
