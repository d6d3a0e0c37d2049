package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.value.DateTimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a client asks a Thing to read (the content of the XEP-0323 §3 {@code req} element): field categories (the
 * flags, plus the {@code all} and {@code historical} shortcuts), nodes, field names, a historical range
 * {@code from}/{@code to}, a scheduled time {@code when}, and provisioning tokens. Built with {@link #builder()};
 * immutable.
 *
 * <p>A request without any category flag reads every category: XEP-0323 leaves that case open and answering it is more
 * useful than answering nothing. The {@link #timeout()} is a client-side option and is never sent.
 *
 * @since 0.1.0
 */
public final class ReadoutRequest {

    private final Set<FieldCategory> categories;
    private final boolean all;
    private final boolean historical;
    private final List<NodeRef> nodes;
    private final List<String> fieldNames;
    private final DateTimeValue from;
    private final DateTimeValue to;
    private final DateTimeValue when;
    private final Tokens tokens;
    private final Duration timeout;

    private ReadoutRequest(Builder b) {
        this.categories = b.categories.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(FieldCategory.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(b.categories));
        this.all = b.all;
        this.historical = b.historical;
        this.nodes = List.copyOf(b.nodes);
        this.fieldNames = List.copyOf(new LinkedHashSet<>(b.fieldNames));
        this.from = b.from;
        this.to = b.to;
        this.when = b.when;
        this.tokens = b.tokens;
        this.timeout = b.timeout;
    }

    /**
     * Starts a request.
     *
     * @return a builder with nothing selected (which reads every category)
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the category flags set explicitly, without the {@code all}/{@code historical} shortcuts */
    public Set<FieldCategory> categories() {
        return categories;
    }

    /** @return whether the {@code all='true'} shortcut is set */
    public boolean all() {
        return all;
    }

    /** @return whether the {@code historical='true'} shortcut is set */
    public boolean historical() {
        return historical;
    }

    /**
     * The categories asked for, shortcuts expanded (XEP-0323 §3: requested types are a union).
     *
     * @return every category if {@code all} is set or no flag is set, otherwise the flags plus the historical ones
     *         if {@code historical} is set
     */
    public Set<FieldCategory> effectiveCategories() {
        if (all) {
            return FieldCategory.ALL;
        }
        EnumSet<FieldCategory> s =
                categories.isEmpty() ? EnumSet.noneOf(FieldCategory.class) : EnumSet.copyOf(categories);
        if (historical) {
            s.addAll(FieldCategory.HISTORICAL);
        }
        return s.isEmpty() ? FieldCategory.ALL : Collections.unmodifiableSet(s);
    }

    /** @return the nodes asked for (XEP-0323 §3.5); empty for every node behind the JID */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the field names asked for; empty for every field */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** @return start of the historical range, if any */
    public Optional<DateTimeValue> from() {
        return Optional.ofNullable(from);
    }

    /** @return end of the historical range, if any */
    public Optional<DateTimeValue> to() {
        return Optional.ofNullable(to);
    }

    /** @return when the read-out should be made (XEP-0323 §3.4 "Read-out all": queued read-outs), if scheduled */
    public Optional<DateTimeValue> when() {
        return Optional.ofNullable(when);
    }

    /** @return the provisioning tokens (XEP-0324), {@link Tokens#NONE} if none */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the client-side timeout, if one was set; never sent to the Thing */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The request as a sensor sees it.
     *
     * @return categories, names and range of this request
     */
    public ReadScope toScope() {
        return new ReadScope(effectiveCategories(), Set.copyOf(fieldNames), from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadoutRequest r
                && categories.equals(r.categories)
                && all == r.all
                && historical == r.historical
                && nodes.equals(r.nodes)
                && fieldNames.equals(r.fieldNames)
                && Objects.equals(from, r.from)
                && Objects.equals(to, r.to)
                && Objects.equals(when, r.when)
                && tokens.equals(r.tokens)
                && Objects.equals(timeout, r.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(categories, all, historical, nodes, fieldNames, from, to, when, tokens, timeout);
    }

    @Override
    public String toString() {
        return "ReadoutRequest[categories=" + (all ? "all" : categories + (historical ? "+historical" : ""))
                + ", nodes=" + nodes + ", fields=" + fieldNames + ", from=" + from + ", to=" + to + ", when=" + when
                + "]";
    }

    /** Builder of {@link ReadoutRequest} (XEP-0323 §3 {@code req}). */
    public static final class Builder {
        private final Set<FieldCategory> categories = EnumSet.noneOf(FieldCategory.class);
        private boolean all;
        private boolean historical;
        private final List<NodeRef> nodes = new ArrayList<>();
        private final List<String> fieldNames = new ArrayList<>();
        private DateTimeValue from;
        private DateTimeValue to;
        private DateTimeValue when;
        private Tokens tokens = Tokens.NONE;
        private Duration timeout;

        private Builder() {}

        /**
         * Asks for momentary values.
         *
         * @return this builder
         */
        public Builder momentary() {
            return categories(FieldCategory.MOMENTARY);
        }

        /**
         * Asks for peak values.
         *
         * @return this builder
         */
        public Builder peak() {
            return categories(FieldCategory.PEAK);
        }

        /**
         * Asks for status values.
         *
         * @return this builder
         */
        public Builder status() {
            return categories(FieldCategory.STATUS);
        }

        /**
         * Asks for computed values.
         *
         * @return this builder
         */
        public Builder computed() {
            return categories(FieldCategory.COMPUTED);
        }

        /**
         * Asks for identity values.
         *
         * @return this builder
         */
        public Builder identity() {
            return categories(FieldCategory.IDENTITY);
        }

        /**
         * Asks for the given categories (a union, XEP-0323 §3).
         *
         * @param c the categories
         * @return this builder
         */
        public Builder categories(FieldCategory... c) {
            for (FieldCategory x : c) {
                categories.add(Objects.requireNonNull(x, "category"));
            }
            return this;
        }

        /**
         * Sets the {@code all='true'} shortcut: every category.
         *
         * @return this builder
         */
        public Builder all() {
            this.all = true;
            return this;
        }

        /**
         * Sets the {@code historical='true'} shortcut: every historical category.
         *
         * @return this builder
         */
        public Builder historical() {
            this.historical = true;
            return this;
        }

        /**
         * Restricts the read-out to these nodes.
         *
         * @param refs node references
         * @return this builder
         */
        public Builder nodes(NodeRef... refs) {
            for (NodeRef r : refs) {
                nodes.add(Objects.requireNonNull(r, "node"));
            }
            return this;
        }

        /**
         * Restricts the read-out to these node ids (in every data source).
         *
         * @param nodeIds node ids
         * @return this builder
         */
        public Builder nodes(String... nodeIds) {
            for (String id : nodeIds) {
                nodes.add(NodeRef.of(id));
            }
            return this;
        }

        /**
         * Restricts the read-out to these field names.
         *
         * @param names unlocalised field names
         * @return this builder
         */
        public Builder fields(String... names) {
            for (String n : names) {
                if (Objects.requireNonNull(n, "field name").isEmpty()) {
                    throw new IllegalArgumentException("field name must not be empty");
                }
                fieldNames.add(n);
            }
            return this;
        }

        /**
         * Sets the start of the historical range.
         *
         * @param from the start, null for none
         * @return this builder
         */
        public Builder from(DateTimeValue from) {
            this.from = from;
            return this;
        }

        /**
         * Sets the start of the historical range.
         *
         * @param from the start, sent in UTC
         * @return this builder
         */
        public Builder from(Instant from) {
            return from(DateTimeValue.of(from));
        }

        /**
         * Sets the end of the historical range.
         *
         * @param to the end, null for none
         * @return this builder
         */
        public Builder to(DateTimeValue to) {
            this.to = to;
            return this;
        }

        /**
         * Sets the end of the historical range.
         *
         * @param to the end, sent in UTC
         * @return this builder
         */
        public Builder to(Instant to) {
            return to(DateTimeValue.of(to));
        }

        /**
         * Schedules the read-out; the Thing may queue it and answers {@code accepted queued='true'}.
         *
         * @param when the time, null for now
         * @return this builder
         */
        public Builder when(DateTimeValue when) {
            this.when = when;
            return this;
        }

        /**
         * Schedules the read-out.
         *
         * @param when the time, sent in UTC
         * @return this builder
         */
        public Builder when(Instant when) {
            return when(DateTimeValue.of(when));
        }

        /**
         * Sets the provisioning tokens sent with the request (XEP-0324).
         *
         * @param tokens the tokens
         * @return this builder
         */
        public Builder tokens(Tokens tokens) {
            this.tokens = tokens == null ? Tokens.NONE : tokens;
            return this;
        }

        /**
         * Sets how long the client waits for the Thing without hearing from it before failing the read-out with a
         * {@link ReadoutTimeoutException} (XEP-0323 §3: devices may forget requests).
         *
         * @param timeout the idle timeout; null for the client's default
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if {@code from} is after {@code to}
         */
        public ReadoutRequest build() {
            if (from != null && to != null && from.compareTo(to) > 0) {
                throw new IllegalArgumentException("from (" + from.lexical() + ") is after to (" + to.lexical() + ")");
            }
            return new ReadoutRequest(this);
        }
    }
}
