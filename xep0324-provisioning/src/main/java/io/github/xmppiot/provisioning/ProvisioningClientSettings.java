package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.provisioning.ProvisioningAccessPolicy.StrangerQueries;
import java.util.Objects;

/**
 * The immutable settings of a {@link ProvisioningClient}, the Thing side of XEP-0324: its decision cache (§5.2), what
 * decides while no provisioning server is trusted, which requests of strangers are forwarded to the servers and how
 * many at once (§3.1.5), who approves friendships locally under secondary trust (§3.1.4), and the
 * {@link IotExecutors} the client runs its blocking Smack calls on. Build with {@link #builder()}, change with
 * {@link #toBuilder()}, swap with {@link ProvisioningClient#configure} or {@link ProvisioningClient#update}.
 *
 * @param cache                 the decision cache the client opens (and closes): default
 *                              {@link DecisionCacheSettings#DEFAULTS}, in memory; set a {@link
 *                              DecisionCacheSettings#file() file} before logging in so that a restarting Thing keeps
 *                              its decisions and trusted servers
 * @param fallback              the policy deciding while no provisioning server is trusted, or {@code null} (the
 *                              default) for {@link AccessPolicy#friends friends only}
 * @param strangerQueries       which requests of strangers are forwarded; default {@link StrangerQueries#ALL}
 * @param strangerQueriesPerJid questions about one stranger's bare JID in flight at once; default
 *                              {@value ProvisioningAccessPolicy#DEFAULT_STRANGER_QUERIES_PER_JID}
 * @param strangerQueriesTotal  questions about all strangers in flight at once; default
 *                              {@value ProvisioningAccessPolicy#DEFAULT_STRANGER_QUERIES_TOTAL}
 * @param localApprover         who approves friendships the servers rejected while secondary trust is allowed, or
 *                              {@code null} (the default) for nobody
 * @param executors             the threads for blocking Smack calls (roster changes, service discovery, ad-hoc
 *                              commands); default {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record ProvisioningClientSettings(
        DecisionCacheSettings cache,
        AccessPolicy fallback,
        StrangerQueries strangerQueries,
        int strangerQueriesPerJid,
        int strangerQueriesTotal,
        LocalFriendshipApprover localApprover,
        IotExecutors executors) {

    /** The defaults, as documented on each component. */
    public static final ProvisioningClientSettings DEFAULTS = new ProvisioningClientSettings(
            DecisionCacheSettings.DEFAULTS,
            null,
            StrangerQueries.ALL,
            ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_PER_JID,
            ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_TOTAL,
            null,
            IotExecutors.shared());

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the fix if the stranger bounds are not {@code 1 <= perJid <= total}
     * @throws NullPointerException     naming the missing component
     */
    public ProvisioningClientSettings {
        Objects.requireNonNull(cache, "cache: use DecisionCacheSettings.DEFAULTS for a cache in memory");
        Objects.requireNonNull(strangerQueries, "strangerQueries: use StrangerQueries.ALL, WITH_TOKENS or NONE");
        Objects.requireNonNull(executors, "executors: use IotExecutors.shared() for the shared threads");
        if (strangerQueriesPerJid < 1 || strangerQueriesTotal < strangerQueriesPerJid) {
            throw new IllegalArgumentException("stranger query limits need 1 <= perJid <= total, were perJid="
                    + strangerQueriesPerJid + ", total=" + strangerQueriesTotal + "; the defaults are "
                    + ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_PER_JID + " and "
                    + ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_TOTAL);
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

    /** Builds {@link ProvisioningClientSettings}. */
    public static final class Builder {
        private DecisionCacheSettings cache;
        private AccessPolicy fallback;
        private StrangerQueries strangerQueries;
        private int perJid;
        private int total;
        private LocalFriendshipApprover localApprover;
        private IotExecutors executors;

        private Builder(ProvisioningClientSettings from) {
            cache = from.cache;
            fallback = from.fallback;
            strangerQueries = from.strangerQueries;
            perJid = from.strangerQueriesPerJid;
            total = from.strangerQueriesTotal;
            localApprover = from.localApprover;
            executors = from.executors;
        }

        /**
         * @param cache the decision cache's settings
         * @return this builder
         */
        public Builder cache(DecisionCacheSettings cache) {
            this.cache = cache;
            return this;
        }

        /**
         * @param fallback the policy while no server is trusted, or {@code null} for friends only
         * @return this builder
         */
        public Builder fallback(AccessPolicy fallback) {
            this.fallback = fallback;
            return this;
        }

        /**
         * @param which none, only those with tokens, or all (within the bounds)
         * @return this builder
         */
        public Builder strangerQueries(StrangerQueries which) {
            this.strangerQueries = which;
            return this;
        }

        /**
         * @param perJidLimit questions about one stranger's bare JID in flight at once
         * @param totalLimit  questions about all strangers in flight at once
         * @return this builder
         */
        public Builder strangerLimits(int perJidLimit, int totalLimit) {
            this.perJid = perJidLimit;
            this.total = totalLimit;
            return this;
        }

        /**
         * @param approver who approves friendships locally under secondary trust, or {@code null} for nobody
         * @return this builder
         */
        public Builder localApprover(LocalFriendshipApprover approver) {
            this.localApprover = approver;
            return this;
        }

        /**
         * @param executors the threads for blocking Smack calls
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /** @return the settings */
        public ProvisioningClientSettings build() {
            return new ProvisioningClientSettings(
                    cache, fallback, strangerQueries, perJid, total, localApprover, executors);
        }
    }
}
