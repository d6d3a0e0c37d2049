package io.github.xmppiot.concentrator;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.Objects;

/**
 * The configuration of a {@link ConcentratorServer} (XEP-0326), immutable: the server swaps it as a whole
 * ({@link ConcentratorServer#configure}, {@link ConcentratorServer#update}) and serves each request with the settings
 * current when the request arrived.
 *
 * <pre>{@code
 * ConcentratorServer.getInstanceFor(connection)
 *         .update(s -> s.tree(tree).accessPolicy(policy).maxResponseChars(128 * 1024));
 * }</pre>
 *
 * @param tree             the node tree served (XEP-0326 §3.2–§3.12); {@code null} (the default) serves none: no
 *                         request handler is registered and {@code urn:xmpp:iot:concentrators} is not advertised
 * @param accessPolicy     who may read and change the tree (XEP-0326 §3.13 "Security"); {@code null} (the default) is
 *                         {@link AccessPolicy#friends} of the server's connection
 * @param maxResponseChars the largest response sent, in characters (default {@value #DEFAULT_MAX_RESPONSE_CHARS},
 *                         below Prosody's default {@code c2s_stanza_size_limit} of 256 KiB); a larger one is answered
 *                         {@code OtherError}, and query results (§3.12) are split to stay below it; at least
 *                         {@value #MIN_RESPONSE_CHARS}
 * @param maxPendingEvents the most data-source events (§3.4) waiting to be sent to subscribers (default
 *                         {@value #DEFAULT_MAX_PENDING_EVENTS}); events over the bound are dropped and logged
 * @param executors        the threads requests, node commands, queries and events run on (default
 *                         {@link IotExecutors#shared()})
 * @since 0.1.0
 */
public record ConcentratorServerSettings(
        NodeTree tree, AccessPolicy accessPolicy, int maxResponseChars, int maxPendingEvents, IotExecutors executors) {

    /** Default of {@link #maxResponseChars()}: 240 KiB. */
    public static final int DEFAULT_MAX_RESPONSE_CHARS = 240 * 1024;

    /** Smallest {@link #maxResponseChars()} accepted: 1 KiB, room for one node. */
    public static final int MIN_RESPONSE_CHARS = 1024;

    /** Default of {@link #maxPendingEvents()}: 10,000. */
    public static final int DEFAULT_MAX_PENDING_EVENTS = 10_000;

    /** The defaults: no tree, friends only, 240 KiB responses, 10,000 pending events, the shared executors. */
    public static final ConcentratorServerSettings DEFAULTS = builder().build();

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a limit is out of range; the message names the fix
     * @throws NullPointerException     if {@code executors} is null
     */
    public ConcentratorServerSettings {
        if (maxResponseChars < MIN_RESPONSE_CHARS) {
            throw new IllegalArgumentException("maxResponseChars must be at least " + MIN_RESPONSE_CHARS + ", was "
                    + maxResponseChars + "; raise it (the default is " + DEFAULT_MAX_RESPONSE_CHARS + ")");
        }
        if (maxPendingEvents < 1) {
            throw new IllegalArgumentException("maxPendingEvents must be at least 1, was " + maxPendingEvents
                    + "; raise it (the default is " + DEFAULT_MAX_PENDING_EVENTS + ")");
        }
        Objects.requireNonNull(
                executors, "executors must not be null; use IotExecutors.shared() (the default) or your own");
    }

    /**
     * Starts settings from the defaults.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts settings from these.
     *
     * @return a builder with these values
     */
    public Builder toBuilder() {
        return new Builder()
                .tree(tree)
                .accessPolicy(accessPolicy)
                .maxResponseChars(maxResponseChars)
                .maxPendingEvents(maxPendingEvents)
                .executors(executors);
    }

    /**
     * Builder of {@link ConcentratorServerSettings}; {@link #build()} validates.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private NodeTree tree;
        private AccessPolicy accessPolicy;
        private int maxResponseChars = DEFAULT_MAX_RESPONSE_CHARS;
        private int maxPendingEvents = DEFAULT_MAX_PENDING_EVENTS;
        private IotExecutors executors = IotExecutors.shared();

        private Builder() {}

        /**
         * Sets the node tree served.
         *
         * @param tree the tree, or null to serve none
         * @return this builder
         */
        public Builder tree(NodeTree tree) {
            this.tree = tree;
            return this;
        }

        /**
         * Sets who may use the concentrator (XEP-0326 §3.13): requests of IQ type {@code get} and subscriptions are
         * decided as reads, every other request (create, edit, destroy, move, commands) as control; a refusal is
         * answered {@code InsufficientPrivileges} with a {@code forbidden} error.
         *
         * @param policy the policy, or null for {@link AccessPolicy#friends} of the server's connection
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = policy;
            return this;
        }

        /**
         * Sets the largest response sent. Clients of large trees walk them with {@code getChildNodes} (XEP-0326 §3.7).
         *
         * @param chars the limit in characters of a response stanza, at least {@value
         *     ConcentratorServerSettings#MIN_RESPONSE_CHARS}
         * @return this builder
         */
        public Builder maxResponseChars(int chars) {
            this.maxResponseChars = chars;
            return this;
        }

        /**
         * Sets the most events waiting to be sent to subscribers (XEP-0326 §3.4).
         *
         * @param events at least 1
         * @return this builder
         */
        public Builder maxPendingEvents(int events) {
            this.maxPendingEvents = events;
            return this;
        }

        /**
         * Sets the threads the server runs on.
         *
         * @param executors the executors; the server takes a lease and closes it when it closes
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /**
         * Builds and checks the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if a value is out of range; the message names the fix
         */
        public ConcentratorServerSettings build() {
            return new ConcentratorServerSettings(tree, accessPolicy, maxResponseChars, maxPendingEvents, executors);
        }
    }
}
