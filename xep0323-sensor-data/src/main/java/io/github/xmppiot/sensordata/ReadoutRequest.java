package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.value.DateTimeValue;
import java.time.Duration;
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

    ReadoutRequest(ReadoutRequestBuilder b) {
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
    public static ReadoutRequestBuilder builder() {
        return new ReadoutRequestBuilder();
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
}
