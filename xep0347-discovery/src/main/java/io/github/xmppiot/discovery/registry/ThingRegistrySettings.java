package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.Objects;

/**
 * The settings of a {@link ThingRegistry} (XEP-0347 server role). Immutable; change them with
 * {@link ThingRegistry#configure} or {@link ThingRegistry#update}, which swap them atomically; a request is served with
 * the settings in force when it arrived.
 *
 * @param options       limits and timeouts; default {@link RegistryOptions#defaults()}
 * @param claimReporter reports every claim to a provisioning server (XEP-0324), so that the owner's rights there follow
 *                      the claim (see {@link ClaimReporter#provisioningServer}); the owner is answered after the report
 *                      completed or failed, at most {@link RegistryOptions#thingTimeout()} later, and a failed report
 *                      is logged and does not undo the claim. Null (the default) reports nothing
 * @param executors     the threads the registry's database work runs on: registrations, claims, updates and removals
 *                      one at a time in arrival order (at most {@link RegistryOptions#maxQueuedWrites()} waiting),
 *                      searches at most {@link RegistryOptions#searchThreads()} at once (at most
 *                      {@link RegistryOptions#maxQueuedSearches()} waiting); default {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record ThingRegistrySettings(RegistryOptions options, ClaimReporter claimReporter, IotExecutors executors) {

    /** The defaults: {@link RegistryOptions#defaults()}, no claim reports, shared threads. */
    public static final ThingRegistrySettings DEFAULTS =
            new ThingRegistrySettings(RegistryOptions.defaults(), null, IotExecutors.shared());

    /**
     * Validates the settings.
     *
     * @throws NullPointerException if {@code options} or {@code executors} is null
     */
    public ThingRegistrySettings {
        Objects.requireNonNull(options, "options: give RegistryOptions.defaults() or options of your own");
        Objects.requireNonNull(executors, "executors: give IotExecutors.shared() or IotExecutors.builder()...build()");
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /**
     * A builder starting from these settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builder of {@link ThingRegistrySettings}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private RegistryOptions options;
        private ClaimReporter claimReporter;
        private IotExecutors executors;

        private Builder(ThingRegistrySettings s) {
            options = s.options;
            claimReporter = s.claimReporter;
            executors = s.executors;
        }

        /**
         * Sets {@link ThingRegistrySettings#options()}.
         *
         * @param options the limits and timeouts
         * @return this builder
         */
        public Builder options(RegistryOptions options) {
            this.options = options;
            return this;
        }

        /**
         * Sets {@link ThingRegistrySettings#claimReporter()}.
         *
         * @param reporter the reporter, or null to report nothing
         * @return this builder
         */
        public Builder claimReporter(ClaimReporter reporter) {
            this.claimReporter = reporter;
            return this;
        }

        /**
         * Sets {@link ThingRegistrySettings#executors()}.
         *
         * @param executors the threads to run on
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws NullPointerException if {@code options} or {@code executors} is null
         */
        public ThingRegistrySettings build() {
            return new ThingRegistrySettings(options, claimReporter, executors);
        }
    }
}
