package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link SensorDataClient} (XEP-0323 §3, the requesting side): immutable, built with
 * {@link #builder()} or {@link #toBuilder()}, and applied with {@link SensorDataClient#configure} or
 * {@link SensorDataClient#update}. A read-out keeps the settings in force when it was started.
 *
 * @param defaultTimeout the idle timeout of read-outs whose request sets none ({@link ReadoutRequest#timeout()}):
 *                       a read-out that hears nothing from the Thing for that long fails with a
 *                       {@link ReadoutTimeoutException}; positive; default {@link #DEFAULT_TIMEOUT}
 * @param callbackQueue  the largest number of listener calls waiting, per read-out, for a slow
 *                       {@link ReadoutListener}; over it the read-out fails with a
 *                       {@link java.util.concurrent.RejectedExecutionException}; at least 1; default
 *                       {@value #DEFAULT_CALLBACK_QUEUE}
 * @param executors      the threads listeners are called on and idle timers run on (never Smack's reader thread);
 *                       default {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record SensorDataClientSettings(Duration defaultTimeout, int callbackQueue, IotExecutors executors) {

    /** Default idle timeout of a read-out: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default bound of the listener calls waiting per read-out. */
    public static final int DEFAULT_CALLBACK_QUEUE = 10_000;
    /** The defaults. */
    public static final SensorDataClientSettings DEFAULTS = builder().build();

    /**
     * Checks every component.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a number or duration is out of range; the message names the fix
     */
    public SensorDataClientSettings {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout: give a positive duration, e.g. Duration.ofSeconds(30)");
        Objects.requireNonNull(executors, "executors: give executors, e.g. IotExecutors.shared()");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive, was " + defaultTimeout
                    + ": set defaultTimeout(Duration.ofSeconds(n)) with n > 0 (default " + DEFAULT_TIMEOUT + ")");
        }
        if (callbackQueue < 1) {
            throw new IllegalArgumentException("callbackQueue must be at least 1, was " + callbackQueue
                    + ": set callbackQueue(n) with n >= 1 (default " + DEFAULT_CALLBACK_QUEUE + ")");
        }
    }

    /**
     * Starts settings with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts settings from these, to change some components.
     *
     * @return a builder holding every component of these settings
     */
    public Builder toBuilder() {
        return new Builder()
                .defaultTimeout(defaultTimeout)
                .callbackQueue(callbackQueue)
                .executors(executors);
    }

    /**
     * Builder of {@link SensorDataClientSettings}; every setter documents its component on the record.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Duration defaultTimeout = DEFAULT_TIMEOUT;
        private int callbackQueue = DEFAULT_CALLBACK_QUEUE;
        private IotExecutors executors = IotExecutors.shared();

        private Builder() {}

        /**
         * Sets the idle timeout of read-outs whose request sets none; checked by {@link #build()}.
         *
         * @param defaultTimeout positive
         * @return this builder
         */
        public Builder defaultTimeout(Duration defaultTimeout) {
            this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
            return this;
        }

        /**
         * Sets the bound of listener calls waiting per read-out; checked by {@link #build()}.
         *
         * @param callbackQueue at least 1
         * @return this builder
         */
        public Builder callbackQueue(int callbackQueue) {
            this.callbackQueue = callbackQueue;
            return this;
        }

        /**
         * Sets the threads listeners and idle timers run on.
         *
         * @param executors the executors
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = Objects.requireNonNull(executors, "executors");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if a number or duration is out of range; the message names the fix
         */
        public SensorDataClientSettings build() {
            return new SensorDataClientSettings(defaultTimeout, callbackQueue, executors);
        }
    }
}
