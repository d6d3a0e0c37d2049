package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.sensordata.SensorDataServer.DoneMarker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a {@link SensorDataServer} (XEP-0323 §3, the Thing side): immutable, built with
 * {@link #builder()} or {@link #toBuilder()}, and applied with {@link SensorDataServer#configure} or
 * {@link SensorDataServer#update}. A request is served by the settings in force when it arrives.
 *
 * @param things              the Things that can be read (live: Things added later are readable); default: an empty
 *                            directory of the builder's own ({@link #DEFAULTS}' one is replaced by one of the server's
 *                            own)
 * @param accessPolicy        who may read (XEP-0323 §7; XEP-0324 provisioning plugs in here); a narrowed decision
 *                            limits the nodes and field names read. Empty (the default) means
 *                            {@link AccessPolicy#friends(org.jivesoftware.smack.XMPPConnection)} of the server's own
 *                            connection
 * @param historyStore        where historical values come from; default: an {@link InMemoryHistoryStore} of the
 *                            builder's own ({@link #DEFAULTS}' one is replaced by one of the server's own)
 * @param clock               timestamps, and whether {@code when} lies in the future; a zone-less {@code when} is read
 *                            in the clock's zone (XEP-0323 §6.1); default {@link Clock#systemUTC()}
 * @param maxFieldsPerMessage most field values per {@code fields} message, at least 1; default
 *                            {@value #DEFAULT_MAX_FIELDS_PER_MESSAGE}; larger read-outs are split
 * @param maxMessageChars     approximate largest {@code fields} message in characters, at least 1024; default
 *                            {@value #DEFAULT_MAX_MESSAGE_CHARS}
 * @param readTimeout         how long a Thing (or the history store) may take to deliver its values before it is
 *                            reported as failed; positive; default 30 seconds
 * @param doneMarker          how the end of a read-out is marked (XEP-0323 §3); default {@link DoneMarker#ATTRIBUTE}
 * @param acceptedFirst       true to send {@code accepted} before any data of a read-out (one whose access decision
 *                            arrives later always gets it first); default false: a read-out decided and finished at
 *                            once in one message goes out before its {@code accepted} IQ result, as XEP-0323 §3
 *                            allows ("The accepted message can be omitted if the device
 *                            already has the response and is ready to send it")
 * @param readoutLimits       read-outs per requester and in total, and how far ahead {@code when} may lie (XEP-0323
 *                            §3, §3.4); default {@link ReadoutLimits#DEFAULT}
 * @param executors           the threads read-outs run on (never Smack's reader thread); default
 *                            {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record SensorDataServerSettings(
        ThingDirectory things,
        Optional<AccessPolicy> accessPolicy,
        HistoryStore historyStore,
        Clock clock,
        int maxFieldsPerMessage,
        int maxMessageChars,
        Duration readTimeout,
        DoneMarker doneMarker,
        boolean acceptedFirst,
        ReadoutLimits readoutLimits,
        IotExecutors executors) {

    /** Default largest number of field values in one {@code fields} message. */
    public static final int DEFAULT_MAX_FIELDS_PER_MESSAGE = 500;
    /** Default approximate largest {@code fields} message, in characters. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 64 * 1024;
    /** Default {@link #readTimeout()}: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The defaults. Its {@link #things()} and {@link #historyStore()} are placeholders, never shared between servers: a
     * server given them (by {@code configure(DEFAULTS)}, or settings built from {@code DEFAULTS.toBuilder()} without
     * {@code things(...)} or {@code historyStore(...)}) uses an empty {@link ThingDirectory} and an empty
     * {@link InMemoryHistoryStore} of its own instead, which its {@link SensorDataServer#settings()} then show. Do not
     * add Things to {@code DEFAULTS.things()}: no server reads it; give every server its directory with
     * {@code things(...)}.
     */
    public static final SensorDataServerSettings DEFAULTS = builder().build();

    /**
     * Checks every component.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a number or duration is out of range; the message names the fix
     */
    public SensorDataServerSettings {
        Objects.requireNonNull(things, "things: give the Things to read, builder().things(ThingDirectory.of(...))");
        Objects.requireNonNull(accessPolicy, "accessPolicy: use Optional.empty() for friends of the connection");
        Objects.requireNonNull(historyStore, "historyStore: give a store, e.g. new InMemoryHistoryStore()");
        Objects.requireNonNull(clock, "clock: give a clock, e.g. Clock.systemUTC()");
        Objects.requireNonNull(readTimeout, "readTimeout: give a positive duration, e.g. Duration.ofSeconds(30)");
        Objects.requireNonNull(doneMarker, "doneMarker: give one of DoneMarker.values()");
        Objects.requireNonNull(readoutLimits, "readoutLimits: give limits, e.g. ReadoutLimits.DEFAULT");
        Objects.requireNonNull(executors, "executors: give executors, e.g. IotExecutors.shared()");
        if (maxFieldsPerMessage < 1) {
            throw new IllegalArgumentException("maxFieldsPerMessage must be at least 1, was " + maxFieldsPerMessage
                    + ": set messageLimits(n, c)" + " with n >= 1 (default " + DEFAULT_MAX_FIELDS_PER_MESSAGE + ")");
        }
        if (maxMessageChars < 1024) {
            throw new IllegalArgumentException("maxMessageChars must be at least 1024, was " + maxMessageChars
                    + ": set messageLimits(n, c) with c >= 1024 (default " + DEFAULT_MAX_MESSAGE_CHARS + ")");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout
                    + ": set readTimeout(Duration.ofSeconds(n)) with n > 0 (default " + DEFAULT_READ_TIMEOUT + ")");
        }
    }

    /**
     * These settings, with an empty directory and history store of the server's own in place of {@link #DEFAULTS}'
     * placeholders, so no two servers share them.
     *
     * @return settings a server may hold
     */
    SensorDataServerSettings withOwnDefaults() {
        boolean sharedThings = things == DEFAULTS.things;
        boolean sharedHistory = historyStore == DEFAULTS.historyStore;
        if (!sharedThings && !sharedHistory) {
            return this;
        }
        Builder b = toBuilder();
        if (sharedThings) {
            b.things = new ThingDirectory();
        }
        if (sharedHistory) {
            b.historyStore = new InMemoryHistoryStore();
        }
        return b.build();
    }

    /**
     * Starts settings with the defaults, with an empty {@link ThingDirectory} and an {@link InMemoryHistoryStore} of
     * their own.
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
        Builder b = new Builder();
        b.things = things;
        b.accessPolicy = accessPolicy.orElse(null);
        b.historyStore = historyStore;
        b.clock = clock;
        b.maxFieldsPerMessage = maxFieldsPerMessage;
        b.maxMessageChars = maxMessageChars;
        b.readTimeout = readTimeout;
        b.doneMarker = doneMarker;
        b.acceptedFirst = acceptedFirst;
        b.readoutLimits = readoutLimits;
        b.executors = executors;
        return b;
    }

    /**
     * Builder of {@link SensorDataServerSettings}; every setter documents its component on the record.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private ThingDirectory things = new ThingDirectory();
        private AccessPolicy accessPolicy;
        private HistoryStore historyStore = new InMemoryHistoryStore();
        private Clock clock = Clock.systemUTC();
        private int maxFieldsPerMessage = DEFAULT_MAX_FIELDS_PER_MESSAGE;
        private int maxMessageChars = DEFAULT_MAX_MESSAGE_CHARS;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private DoneMarker doneMarker = DoneMarker.ATTRIBUTE;
        private boolean acceptedFirst;
        private ReadoutLimits readoutLimits = ReadoutLimits.DEFAULT;
        private IotExecutors executors = IotExecutors.shared();

        private Builder() {}

        /**
         * Sets the Things that can be read.
         *
         * @param things the directory (live: Things added later are readable)
         * @return this builder
         */
        public Builder things(ThingDirectory things) {
            this.things = Objects.requireNonNull(things, "things");
            return this;
        }

        /**
         * Sets who may read (XEP-0323 §7).
         *
         * @param accessPolicy the policy
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy accessPolicy) {
            this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy: use friendsOfConnection()");
            return this;
        }

        /**
         * Lets the server's own connection's friends read (the default):
         * {@link AccessPolicy#friends(org.jivesoftware.smack.XMPPConnection)}.
         *
         * @return this builder
         */
        public Builder friendsOfConnection() {
            this.accessPolicy = null;
            return this;
        }

        /**
         * Sets where historical values come from.
         *
         * @param historyStore the store
         * @return this builder
         */
        public Builder historyStore(HistoryStore historyStore) {
            this.historyStore = Objects.requireNonNull(historyStore, "historyStore");
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Bounds the size of each {@code fields} message; checked by {@link #build()}.
         *
         * @param maxFields most field values per message, at least 1
         * @param maxChars  approximate largest message in characters, at least 1024
         * @return this builder
         */
        public Builder messageLimits(int maxFields, int maxChars) {
            this.maxFieldsPerMessage = maxFields;
            this.maxMessageChars = maxChars;
            return this;
        }

        /**
         * Sets how long a Thing may take; checked by {@link #build()}.
         *
         * @param readTimeout positive
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /**
         * Sets how the end of a read-out is marked.
         *
         * @param doneMarker the marker
         * @return this builder
         */
        public Builder doneMarker(DoneMarker doneMarker) {
            this.doneMarker = Objects.requireNonNull(doneMarker, "doneMarker");
            return this;
        }

        /**
         * Chooses whether {@code accepted} always precedes the data.
         *
         * @param acceptedFirst true to send {@code accepted} first
         * @return this builder
         */
        public Builder acceptedFirst(boolean acceptedFirst) {
            this.acceptedFirst = acceptedFirst;
            return this;
        }

        /**
         * Sets the read-out limits.
         *
         * @param readoutLimits the limits
         * @return this builder
         */
        public Builder readoutLimits(ReadoutLimits readoutLimits) {
            this.readoutLimits = Objects.requireNonNull(readoutLimits, "readoutLimits");
            return this;
        }

        /**
         * Sets the threads read-outs run on.
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
        public SensorDataServerSettings build() {
            return new SensorDataServerSettings(
                    things,
                    Optional.ofNullable(accessPolicy),
                    historyStore,
                    clock,
                    maxFieldsPerMessage,
                    maxMessageChars,
                    readTimeout,
                    doneMarker,
                    acceptedFirst,
                    readoutLimits,
                    executors);
        }
    }
}
