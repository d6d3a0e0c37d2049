package io.github.xmppiot.discovery.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of a Thing Registry (XEP-0347 §3.15 "the registry can lower maxCount", §6.6 "Tag name spam",
 * §3.17 disown acknowledgement; issue 15 items 5 and 7). Every limit is answered, never silently: {@code bad-request}
 * for a request that is too big, {@code resource-constraint} for one that would exceed what a requester may hold or
 * run at once.
 *
 * @param maxPageSize        largest number of things in one search answer; also used when a search gives no
 *                           {@code maxCount}
 * @param maxTagsPerThing    largest number of tags one record may hold; more is refused with {@code bad-request}
 * @param thingTimeout       how long the registry waits for a Thing to acknowledge {@code disowned}
 * @param answerTimeout      longest time before any request is answered ({@code internal-server-error} after it)
 * @param maxSearchOperators most operators in one {@code search}; more is refused with {@code bad-request}
 * @param searchTimeout      longest time the database may spend on one search query (JDBC query timeout, rounded up
 *                           to whole seconds); a search that takes longer is answered {@code resource-constraint}
 * @param searchThreads      searches running at once on the registry's work pool, apart from the registrations,
 *                           claims and removals, which run one at a time (so a slow search never delays those)
 * @param maxQueuedSearches  searches waiting for their turn; more is refused with {@code resource-constraint}
 * @param searchesPerJid     searches one bare JID may have running or waiting; more is refused with
 *                           {@code resource-constraint}
 * @param maxRecordsPerJid   records (node triples) one bare JID may register; a new one beyond it is refused with
 *                           {@code resource-constraint} (re-registering an existing record is always allowed)
 * @param maxQueuedWrites    registrations, claims, updates and removals waiting for their turn (they run one at a
 *                           time, in arrival order); more is refused with {@code resource-constraint}
 *
 * @since 0.1.0
 */
public record RegistryOptions(
        int maxPageSize,
        int maxTagsPerThing,
        Duration thingTimeout,
        Duration answerTimeout,
        int maxSearchOperators,
        Duration searchTimeout,
        int searchThreads,
        int maxQueuedSearches,
        int searchesPerJid,
        int maxRecordsPerJid,
        int maxQueuedWrites) {

    /** Default {@link #maxSearchOperators()}. */
    public static final int DEFAULT_MAX_SEARCH_OPERATORS = 20;
    /** Default {@link #searchTimeout()}. */
    public static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofSeconds(5);
    /** Default {@link #searchThreads()}. */
    public static final int DEFAULT_SEARCH_THREADS = 2;
    /** Default {@link #maxQueuedSearches()}. */
    public static final int DEFAULT_MAX_QUEUED_SEARCHES = 32;
    /** Default {@link #searchesPerJid()}. */
    public static final int DEFAULT_SEARCHES_PER_JID = 2;
    /** Default {@link #maxRecordsPerJid()}. */
    public static final int DEFAULT_MAX_RECORDS_PER_JID = 256;
    /** Default {@link #maxQueuedWrites()}. */
    public static final int DEFAULT_MAX_QUEUED_WRITES = 1024;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public RegistryOptions {
        if (maxPageSize < 1
                || maxTagsPerThing < 1
                || maxSearchOperators < 1
                || searchThreads < 1
                || maxQueuedSearches < 1
                || searchesPerJid < 1
                || maxRecordsPerJid < 1
                || maxQueuedWrites < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(thingTimeout, "thingTimeout");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(searchTimeout, "searchTimeout");
        if (searchTimeout.isNegative() || searchTimeout.isZero()) {
            throw new IllegalArgumentException("searchTimeout must be positive");
        }
    }

    /**
     * Options with the first four values given and the documented defaults for the others.
     *
     * @param maxPageSize     largest number of things in one search answer
     * @param maxTagsPerThing largest number of tags one record may hold
     * @param thingTimeout    how long the registry waits for a Thing to acknowledge {@code disowned}
     * @param answerTimeout   longest time before any request is answered
     */
    public RegistryOptions(int maxPageSize, int maxTagsPerThing, Duration thingTimeout, Duration answerTimeout) {
        this(
                maxPageSize,
                maxTagsPerThing,
                thingTimeout,
                answerTimeout,
                DEFAULT_MAX_SEARCH_OPERATORS,
                DEFAULT_SEARCH_TIMEOUT,
                DEFAULT_SEARCH_THREADS,
                DEFAULT_MAX_QUEUED_SEARCHES,
                DEFAULT_SEARCHES_PER_JID,
                DEFAULT_MAX_RECORDS_PER_JID,
                DEFAULT_MAX_QUEUED_WRITES);
    }

    /**
     * The defaults: pages of at most 100 things, at most 50 tags per Thing, 10 s for a Thing's acknowledgement, 30 s
     * for any answer, 20 operators per search, 5 s per search query, 2 searches at once with 32 waiting and 2
     * per bare JID, 256 records per bare JID, 1,024 writes waiting.
     *
     * @return the defaults
     */
    public static RegistryOptions defaults() {
        return new RegistryOptions(100, 50, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * A copy with another page size.
     *
     * @param size the largest number of things per answer
     * @return the options
     */
    public RegistryOptions withMaxPageSize(int size) {
        return new RegistryOptions(
                size,
                maxTagsPerThing,
                thingTimeout,
                answerTimeout,
                maxSearchOperators,
                searchTimeout,
                searchThreads,
                maxQueuedSearches,
                searchesPerJid,
                maxRecordsPerJid,
                maxQueuedWrites);
    }

    /**
     * A copy with another acknowledgement timeout.
     *
     * @param timeout how long to wait for a Thing
     * @return the options
     */
    public RegistryOptions withThingTimeout(Duration timeout) {
        return new RegistryOptions(
                maxPageSize,
                maxTagsPerThing,
                timeout,
                answerTimeout,
                maxSearchOperators,
                searchTimeout,
                searchThreads,
                maxQueuedSearches,
                searchesPerJid,
                maxRecordsPerJid,
                maxQueuedWrites);
    }

    /**
     * A copy with other search limits.
     *
     * @param operators most operators per search
     * @param timeout   longest query time
     * @return the options
     */
    public RegistryOptions withSearchLimits(int operators, Duration timeout) {
        return new RegistryOptions(
                maxPageSize,
                maxTagsPerThing,
                thingTimeout,
                answerTimeout,
                operators,
                timeout,
                searchThreads,
                maxQueuedSearches,
                searchesPerJid,
                maxRecordsPerJid,
                maxQueuedWrites);
    }

    /**
     * A copy with another search concurrency.
     *
     * @param threads searches running at once
     * @param queued  searches waiting for their turn
     * @param perJid  searches one bare JID may have running or waiting
     * @return the options
     */
    public RegistryOptions withSearchConcurrency(int threads, int queued, int perJid) {
        return new RegistryOptions(
                maxPageSize,
                maxTagsPerThing,
                thingTimeout,
                answerTimeout,
                maxSearchOperators,
                searchTimeout,
                threads,
                queued,
                perJid,
                maxRecordsPerJid,
                maxQueuedWrites);
    }

    /**
     * A copy with another cap on records per bare JID.
     *
     * @param records most records one bare JID may register
     * @return the options
     */
    public RegistryOptions withMaxRecordsPerJid(int records) {
        return new RegistryOptions(
                maxPageSize,
                maxTagsPerThing,
                thingTimeout,
                answerTimeout,
                maxSearchOperators,
                searchTimeout,
                searchThreads,
                maxQueuedSearches,
                searchesPerJid,
                records,
                maxQueuedWrites);
    }

    /**
     * A copy with another bound on writes waiting for their turn.
     *
     * @param writes most registrations, claims, updates and removals waiting
     * @return the options
     */
    public RegistryOptions withMaxQueuedWrites(int writes) {
        return new RegistryOptions(
                maxPageSize,
                maxTagsPerThing,
                thingTimeout,
                answerTimeout,
                maxSearchOperators,
                searchTimeout,
                searchThreads,
                maxQueuedSearches,
                searchesPerJid,
                maxRecordsPerJid,
                writes);
    }
}
