package io.github.xmppiot.concentrator;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.Objects;

/**
 * The immutable settings of a {@link NodeCommandClient} (the XEP-0326 §3.12, §3.13 node-command client side), swapped
 * atomically with {@link NodeCommandClient#configure} or {@link NodeCommandClient#update}.
 *
 * @param executors        where {@code queryProgress} messages (XEP-0326 §3.15) are handed to the query listeners, in
 *                         document order on one serial executor of these executors, never on Smack's threads (default
 *                         {@link IotExecutors#shared()})
 * @param progressBacklog  the most {@code queryProgress} messages waiting for the listeners; messages over it are
 *                         dropped and logged (default {@value #DEFAULT_PROGRESS_BACKLOG})
 * @since 0.1.0
 */
public record NodeCommandClientSettings(IotExecutors executors, int progressBacklog) {

    /** Default of {@link #progressBacklog()}: 1,000 messages. */
    public static final int DEFAULT_PROGRESS_BACKLOG = 1_000;

    /** The defaults: the shared executors, a backlog of {@value #DEFAULT_PROGRESS_BACKLOG} messages. */
    public static final NodeCommandClientSettings DEFAULTS =
            new NodeCommandClientSettings(IotExecutors.shared(), DEFAULT_PROGRESS_BACKLOG);

    /**
     * Checks the values.
     *
     * @throws NullPointerException     if {@code executors} is null
     * @throws IllegalArgumentException if {@code progressBacklog} is below 1
     */
    public NodeCommandClientSettings {
        Objects.requireNonNull(executors, "executors must not be null; use IotExecutors.shared() (the default)");
        if (progressBacklog < 1) {
            throw new IllegalArgumentException("progressBacklog must be at least 1, was " + progressBacklog
                    + "; the default is " + DEFAULT_PROGRESS_BACKLOG);
        }
    }

    /**
     * Starts settings from the defaults.
     *
     * @return a builder holding {@link #DEFAULTS}
     */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /**
     * Starts settings from these.
     *
     * @return a builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builder of {@link NodeCommandClientSettings}; every setter documents its component on the record.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private IotExecutors executors;
        private int progressBacklog;

        private Builder(NodeCommandClientSettings s) {
            executors = s.executors;
            progressBacklog = s.progressBacklog;
        }

        /**
         * Sets the executors.
         *
         * @param executors the executors
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /**
         * Sets the progress backlog; checked by {@link #build()}.
         *
         * @param progressBacklog the most messages waiting for the listeners, at least 1
         * @return this builder
         */
        public Builder progressBacklog(int progressBacklog) {
            this.progressBacklog = progressBacklog;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if {@code progressBacklog} is below 1
         */
        public NodeCommandClientSettings build() {
            return new NodeCommandClientSettings(executors, progressBacklog);
        }
    }
}
