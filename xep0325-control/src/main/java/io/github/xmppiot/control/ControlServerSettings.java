package io.github.xmppiot.control;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ControlServer} serves XEP-0325 requests: one immutable snapshot, swapped as a whole with
 * {@link ControlServer#configure(ControlServerSettings)} or {@link ControlServer#update}. A request is served with the
 * snapshot in force when it arrives.
 *
 * <p>Defaults ({@link #DEFAULTS}):
 *
 * <ul>
 *   <li>{@code things}: an empty directory, so every request is refused with {@code item-not-found} until Things are
 *       given (one Thing for a plain device, many for a concentrator, XEP-0325 §3.4);</li>
 *   <li>{@code accessPolicy}: empty, meaning {@link AccessPolicy#friends(org.jivesoftware.smack.XMPPConnection)} of the
 *       server's own connection (XEP-0325 §7 "Security Considerations": control by friends only). The friends policy
 *       needs the connection, which settings do not know; the server fills it in, and
 *       {@link ControlServer#accessPolicy()} shows the policy in force. A XEP-0324 provisioning policy goes here;</li>
 *   <li>{@code maxQueuedRequests}: {@value #DEFAULT_MAX_QUEUED_REQUESTS} requests waiting for the ones before them
 *       (requests are applied one after the other); more are refused with {@code wait/resource-constraint};</li>
 *   <li>{@code executors}: {@link IotExecutors#shared()}, which runs the control actions and builds the control
 *       forms.</li>
 * </ul>
 *
 * @param things            the Things to control ({@link #DEFAULTS}' placeholder is replaced by a directory of the
 *                          server's own)
 * @param accessPolicy      who may control; empty for the friends of the server's connection
 * @param maxQueuedRequests the largest number of accepted requests waiting to be applied; at least 1
 * @param executors         the threads the server runs on
 * @since 0.1.0
 */
public record ControlServerSettings(
        ThingDirectory things, Optional<AccessPolicy> accessPolicy, int maxQueuedRequests, IotExecutors executors) {

    /** Default of {@link #maxQueuedRequests()}: 1000. */
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 1000;

    /**
     * The defaults listed above. Its {@link #things()} is a placeholder, never shared between servers: a server given it
     * (by {@code configure(DEFAULTS)}, or settings built from {@code DEFAULTS.toBuilder()} without {@code things(...)})
     * uses an empty directory of its own instead, which its {@link ControlServer#settings()} then shows. Do not add
     * Things to {@code DEFAULTS.things()}: no server reads it; give each server its directory with
     * {@link Builder#things(ThingDirectory)}.
     */
    public static final ControlServerSettings DEFAULTS = builder().build();

    private static final String NO_THINGS = "things must not be null; give ThingDirectory.of(thing, ...)";
    private static final String NO_EXECUTORS = "executors must not be null; use IotExecutors.shared() (the default)";

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     if a component is null, naming the component
     * @throws IllegalArgumentException if {@code maxQueuedRequests} is below 1
     */
    public ControlServerSettings {
        Objects.requireNonNull(things, NO_THINGS);
        Objects.requireNonNull(accessPolicy, "accessPolicy must not be null; use Optional.empty() for the friends");
        Objects.requireNonNull(executors, NO_EXECUTORS);
        checkMaxQueued(maxQueuedRequests);
    }

    private static int checkMaxQueued(int maxQueuedRequests) {
        if (maxQueuedRequests < 1) {
            throw new IllegalArgumentException("maxQueuedRequests must be at least 1, was " + maxQueuedRequests
                    + "; the default is " + DEFAULT_MAX_QUEUED_REQUESTS);
        }
        return maxQueuedRequests;
    }

    /**
     * These settings, with an empty directory of the server's own in place of {@link #DEFAULTS}' placeholder, so no two
     * servers share it.
     *
     * @return settings a server may hold
     */
    ControlServerSettings withOwnDefaults() {
        return things == DEFAULTS.things
                ? toBuilder().things(new ThingDirectory()).build()
                : this;
    }

    /**
     * Starts settings from the defaults.
     *
     * @return a builder holding {@link #DEFAULTS}' values, with an empty directory of its own
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
        return new Builder()
                .things(things)
                .accessPolicy(accessPolicy.orElse(null))
                .maxQueuedRequests(maxQueuedRequests)
                .executors(executors);
    }

    /**
     * Builds {@link ControlServerSettings}; every setter checks its argument at once.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private ThingDirectory things = new ThingDirectory();
        private AccessPolicy accessPolicy;
        private int maxQueuedRequests = DEFAULT_MAX_QUEUED_REQUESTS;
        private IotExecutors executors = IotExecutors.shared();

        private Builder() {}

        /**
         * Sets the Things to control (XEP-0325 §3.4: a concentrator addresses many by node).
         *
         * @param things the directory; the server reads it at each request, so Things added later are served
         * @return this builder
         */
        public Builder things(ThingDirectory things) {
            this.things = Objects.requireNonNull(things, NO_THINGS);
            return this;
        }

        /**
         * Sets who may control (XEP-0325 §7; XEP-0324 §3.4 provisioning may narrow requests to fewer nodes or
         * parameters, which the answer then lists).
         *
         * @param policy the policy, or {@code null} for the friends of the server's connection (the default)
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = policy;
            return this;
        }

        /**
         * Sets how many accepted requests may wait for the ones before them.
         *
         * @param maxQueuedRequests at least 1
         * @return this builder
         */
        public Builder maxQueuedRequests(int maxQueuedRequests) {
            this.maxQueuedRequests = checkMaxQueued(maxQueuedRequests);
            return this;
        }

        /**
         * Sets the threads the server runs on.
         *
         * @param executors for example {@code IotExecutors.builder().name("control").build()} to isolate the server
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
        public ControlServerSettings build() {
            return new ControlServerSettings(things, Optional.ofNullable(accessPolicy), maxQueuedRequests, executors);
        }
    }
}
