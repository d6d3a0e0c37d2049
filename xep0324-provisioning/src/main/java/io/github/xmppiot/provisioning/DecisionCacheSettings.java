package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The immutable settings of a {@link DecisionCache} (XEP-0324 §5.2 "Caching and cache time"): its bound, the age after
 * which a decision is asked again, where it is persisted and the {@link IotExecutors} its database writes run on.
 * Build with {@link #builder()}, change with {@link #toBuilder()}; a {@link ProvisioningClient} opens its cache from
 * the {@link ProvisioningClientSettings#cache()} component.
 *
 * @param maxEntries the most decisions kept, the least recently used evicted first; default
 *                   {@value #DEFAULT_MAX_ENTRIES}
 * @param maxAge     the longest a decision is trusted, or {@code null} (the default) for no limit: a decision stays
 *                   valid until the provisioning server clears it (§3.5.1)
 * @param file       the H2 database file (without H2's {@code .mv.db} suffix) that keeps the decisions and the trusted
 *                   servers across restarts, or {@code null} (the default) for a cache in memory only; a persistent
 *                   cache needs the optional dependency {@code com.h2database:h2}
 * @param clock      measures ages; default {@link Clock#systemUTC()}
 * @param executors  where the database writes of a persistent cache run, one at a time; default
 *                   {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record DecisionCacheSettings(int maxEntries, Duration maxAge, Path file, Clock clock, IotExecutors executors) {

    /** Default {@link #maxEntries}. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    /** The defaults: {@value #DEFAULT_MAX_ENTRIES} decisions in memory, no maximum age, the shared executors. */
    public static final DecisionCacheSettings DEFAULTS =
            new DecisionCacheSettings(DEFAULT_MAX_ENTRIES, null, null, Clock.systemUTC(), IotExecutors.shared());

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the fix if a bound is not positive
     * @throws NullPointerException     naming the missing component
     */
    public DecisionCacheSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException(
                    "maxEntries must be at least 1, was " + maxEntries + "; the default is " + DEFAULT_MAX_ENTRIES);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException(
                    "maxAge must be positive, was " + maxAge + "; use null to keep decisions until cleared");
        }
        Objects.requireNonNull(clock, "clock: use Clock.systemUTC()");
        Objects.requireNonNull(executors, "executors: use IotExecutors.shared() for the shared threads");
    }

    /** @return whether decisions survive a restart ({@link #file()} is set) */
    public boolean persistent() {
        return file != null;
    }

    /** @return a builder starting from {@link #DEFAULTS} */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link DecisionCacheSettings}. */
    public static final class Builder {
        private int maxEntries;
        private Duration maxAge;
        private Path file;
        private Clock clock;
        private IotExecutors executors;

        private Builder(DecisionCacheSettings from) {
            maxEntries = from.maxEntries;
            maxAge = from.maxAge;
            file = from.file;
            clock = from.clock;
            executors = from.executors;
        }

        /**
         * @param maxEntries the most decisions kept, at least 1
         * @return this builder
         */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * @param maxAge the longest a decision is trusted, or {@code null} for no limit
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * @param file the H2 database file, without {@code .mv.db}, or {@code null} for a cache in memory only
         * @return this builder
         */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /**
         * @param clock measures ages
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param executors where the database writes run
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /** @return the settings */
        public DecisionCacheSettings build() {
            return new DecisionCacheSettings(maxEntries, maxAge, file, clock, executors);
        }
    }
}
