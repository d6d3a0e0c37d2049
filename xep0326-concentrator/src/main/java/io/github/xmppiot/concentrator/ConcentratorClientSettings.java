package io.github.xmppiot.concentrator;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.Objects;

/**
 * The immutable settings of a {@link ConcentratorClient} (the XEP-0326 client side), swapped atomically with
 * {@link ConcentratorClient#configure} or {@link ConcentratorClient#update}.
 *
 * @param executors   where responses complete, events are delivered and re-subscriptions are retried (default
 *                    {@link IotExecutors#shared()})
 * @param eventBacklog the most data-source events (XEP-0326 §3.4) waiting for the listeners; events over it are
 *                     dropped and logged (default {@value #DEFAULT_EVENT_BACKLOG})
 * @since 0.1.0
 */
public record ConcentratorClientSettings(IotExecutors executors, int eventBacklog) {

    /** Default of {@link #eventBacklog()}: 1,000 events. */
    public static final int DEFAULT_EVENT_BACKLOG = 1_000;

    /** The defaults: the shared executors, a backlog of {@value #DEFAULT_EVENT_BACKLOG} events. */
    public static final ConcentratorClientSettings DEFAULTS =
            new ConcentratorClientSettings(IotExecutors.shared(), DEFAULT_EVENT_BACKLOG);

    /** Checks the values. */
    public ConcentratorClientSettings {
        Objects.requireNonNull(executors, "executors");
        if (eventBacklog < 1) {
            throw new IllegalArgumentException("eventBacklog must be positive, was " + eventBacklog);
        }
    }

    /** @return a builder starting from {@link #DEFAULTS} */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder of {@link ConcentratorClientSettings}. */
    public static final class Builder {
        private IotExecutors executors;
        private int eventBacklog;

        private Builder(ConcentratorClientSettings s) {
            executors = s.executors;
            eventBacklog = s.eventBacklog;
        }

        /**
         * Sets the executors.
         *
         * @param e the executors
         * @return this builder
         */
        public Builder executors(IotExecutors e) {
            executors = e;
            return this;
        }

        /**
         * Sets the event backlog.
         *
         * @param n the most events waiting for the listeners
         * @return this builder
         */
        public Builder eventBacklog(int n) {
            eventBacklog = n;
            return this;
        }

        /** @return the settings */
        public ConcentratorClientSettings build() {
            return new ConcentratorClientSettings(executors, eventBacklog);
        }
    }
}
