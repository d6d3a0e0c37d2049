package io.github.xmppiot.provisioning.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the operator of a {@link ProvisioningServer} configures: who may own which Thing without further proof, which
 * thing registries are trusted to report XEP-0347 claims, and the bounds on what strangers can make the server keep.
 * A component of {@link ProvisioningServerSettings}.
 * Build with {@link #builder()}; {@link #defaults()} trusts no registry and configures no owner, so that ownership
 * needs a claim key (see {@link OwnerCommands#CLAIM}).
 *
 * @param owners                     operator-configured owners: Thing bare JID to owner bare JID
 * @param trustedRegistries          bare JIDs of thing registries (XEP-0347) whose claims name the owner
 * @param tokenProofLifetime         how long a proven possession of a token is believed (XEP-0324 §3.1.3.2)
 * @param tokenProofCacheSize        how many (token, requester) proofs are remembered at most
 * @param pendingChallengesPerJid    token-issuing challenges (§3.1.3.1) one bare JID may have open at once
 * @param pendingChallengesTotal     token-issuing challenges open at once in total
 * @param askedPerThing              JIDs whose {@code isFriend} question is recorded per Thing (§3.2.3)
 * @param maxClaimKeyLength          the longest claim key or claim string accepted
 * @param clearCachePoll             how often the server looks in its store for {@code clearCache} marks that another
 *                                   server on the same database set for a Thing online here (§3.5.1)
 */
public record ServerOptions(
        Map<String, String> owners,
        Set<String> trustedRegistries,
        Duration tokenProofLifetime,
        int tokenProofCacheSize,
        int pendingChallengesPerJid,
        int pendingChallengesTotal,
        int askedPerThing,
        int maxClaimKeyLength,
        Duration clearCachePoll) {

    /** Default {@link #tokenProofLifetime}: 10 minutes. */
    public static final Duration DEFAULT_TOKEN_PROOF_LIFETIME = Duration.ofMinutes(10);
    /** Default {@link #tokenProofCacheSize}. */
    public static final int DEFAULT_TOKEN_PROOF_CACHE_SIZE = 10_000;
    /** Default {@link #pendingChallengesPerJid}. */
    public static final int DEFAULT_PENDING_CHALLENGES_PER_JID = 4;
    /** Default {@link #pendingChallengesTotal}. */
    public static final int DEFAULT_PENDING_CHALLENGES_TOTAL = 1_000;
    /** Default {@link #askedPerThing}. */
    public static final int DEFAULT_ASKED_PER_THING = 1_000;
    /** Default {@link #maxClaimKeyLength} (an XEP-0347 claim string of a handful of tags fits easily). */
    public static final int DEFAULT_MAX_CLAIM_KEY_LENGTH = 4_096;
    /** Default {@link #clearCachePoll}: 2 seconds. */
    public static final Duration DEFAULT_CLEAR_CACHE_POLL = Duration.ofSeconds(2);

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a bound is not positive
     */
    public ServerOptions {
        owners = Map.copyOf(owners);
        trustedRegistries = Set.copyOf(trustedRegistries);
        Objects.requireNonNull(tokenProofLifetime, "tokenProofLifetime");
        if (tokenProofLifetime.isNegative() || tokenProofLifetime.isZero()) {
            throw new IllegalArgumentException("tokenProofLifetime must be positive, was " + tokenProofLifetime
                    + "; use e.g. Duration.ofMinutes(10)");
        }
        Objects.requireNonNull(clearCachePoll, "clearCachePoll");
        if (clearCachePoll.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "clearCachePoll must be at least 1 ms, was " + clearCachePoll + "; the default is 2 seconds");
        }
        for (int bound : new int[] {
            tokenProofCacheSize, pendingChallengesPerJid, pendingChallengesTotal, askedPerThing, maxClaimKeyLength
        }) {
            if (bound < 1) {
                throw new IllegalArgumentException("bounds (tokenProofCacheSize, pendingChallenges, askedPerThing,"
                        + " maxClaimKeyLength) must be at least 1, one was " + bound);
            }
        }
    }

    /** @return the defaults: no configured owner, no trusted registry, default bounds */
    public static ServerOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options, to change some of them.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.owners.putAll(owners);
        b.registries.addAll(trustedRegistries);
        b.proofLifetime = tokenProofLifetime;
        b.proofCacheSize = tokenProofCacheSize;
        b.challengesPerJid = pendingChallengesPerJid;
        b.challengesTotal = pendingChallengesTotal;
        b.askedPerThing = askedPerThing;
        b.maxClaimKeyLength = maxClaimKeyLength;
        b.clearCachePoll = clearCachePoll;
        return b;
    }

    /** Builds {@link ServerOptions}. */
    public static final class Builder {
        private final Map<String, String> owners = new LinkedHashMap<>();
        private final Set<String> registries = new LinkedHashSet<>();
        private Duration proofLifetime = DEFAULT_TOKEN_PROOF_LIFETIME;
        private int proofCacheSize = DEFAULT_TOKEN_PROOF_CACHE_SIZE;
        private int challengesPerJid = DEFAULT_PENDING_CHALLENGES_PER_JID;
        private int challengesTotal = DEFAULT_PENDING_CHALLENGES_TOTAL;
        private int askedPerThing = DEFAULT_ASKED_PER_THING;
        private int maxClaimKeyLength = DEFAULT_MAX_CLAIM_KEY_LENGTH;
        private Duration clearCachePoll = DEFAULT_CLEAR_CACHE_POLL;

        private Builder() {}

        /**
         * Lets an account claim a Thing without further proof (the operator vouches).
         *
         * @param thing the Thing's bare JID
         * @param owner the owner's bare JID
         * @return this builder
         */
        public Builder owner(String thing, String owner) {
            owners.put(Objects.requireNonNull(thing, "thing"), Objects.requireNonNull(owner, "owner"));
            return this;
        }

        /**
         * Trusts a thing registry to report who claimed a Thing there (XEP-0347 §3.9).
         *
         * @param registry the registry's bare JID
         * @return this builder
         */
        public Builder trustedRegistry(String registry) {
            registries.add(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /**
         * @param lifetime how long a proven token possession is believed
         * @return this builder
         */
        public Builder tokenProofLifetime(Duration lifetime) {
            this.proofLifetime = lifetime;
            return this;
        }

        /**
         * @param size how many token proofs are remembered
         * @return this builder
         */
        public Builder tokenProofCacheSize(int size) {
            this.proofCacheSize = size;
            return this;
        }

        /**
         * @param perJid open token-issuing challenges per bare JID
         * @param total  open token-issuing challenges in total
         * @return this builder
         */
        public Builder pendingChallenges(int perJid, int total) {
            this.challengesPerJid = perJid;
            this.challengesTotal = total;
            return this;
        }

        /**
         * @param max JIDs recorded per Thing for {@code isFriend}
         * @return this builder
         */
        public Builder askedPerThing(int max) {
            this.askedPerThing = max;
            return this;
        }

        /**
         * @param max the longest claim key or claim string accepted
         * @return this builder
         */
        public Builder maxClaimKeyLength(int max) {
            this.maxClaimKeyLength = max;
            return this;
        }

        /**
         * @param interval how often to look for {@code clearCache} marks set by another server on the same database
         * @return this builder
         */
        public Builder clearCachePoll(Duration interval) {
            this.clearCachePoll = interval;
            return this;
        }

        /** @return the options */
        public ServerOptions build() {
            return new ServerOptions(
                    owners,
                    registries,
                    proofLifetime,
                    proofCacheSize,
                    challengesPerJid,
                    challengesTotal,
                    askedPerThing,
                    maxClaimKeyLength,
                    clearCachePoll);
        }
    }
}
