package io.github.xmppiot.sensordata;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.DateTimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builder of {@link ReadoutRequest} (XEP-0323 §3 {@code req}), from {@link ReadoutRequest#builder()}.
 *
 * @since 0.1.0
 */
public final class ReadoutRequestBuilder {
    final Set<FieldCategory> categories = EnumSet.noneOf(FieldCategory.class);
    boolean all;
    boolean historical;
    final List<NodeRef> nodes = new ArrayList<>();
    final List<String> fieldNames = new ArrayList<>();
    DateTimeValue from;
    DateTimeValue to;
    DateTimeValue when;
    Tokens tokens = Tokens.NONE;
    Duration timeout;

    ReadoutRequestBuilder() {}

    /**
     * Asks for momentary values.
     *
     * @return this builder
     */
    public ReadoutRequestBuilder momentary() {
        return categories(FieldCategory.MOMENTARY);
    }

    /**
     * Asks for peak values.
     *
     * @return this builder
     */
    public ReadoutRequestBuilder peak() {
        return categories(FieldCategory.PEAK);
    }

    /**
     * Asks for status values.
     *
     * @return this builder
     */
    public ReadoutRequestBuilder status() {
        return categories(FieldCategory.STATUS);
    }

    /**
     * Asks for computed values.
     *
     * @return this builder
     */
    public ReadoutRequestBuilder computed() {
        return categories(FieldCategory.COMPUTED);
    }

    /**
     * Asks for identity values.
     *
     * @return this builder
     */
    public ReadoutRequestBuilder identity() {
        return categories(FieldCategory.IDENTITY);
    }

    /**
     * Asks for the given categories (a union, XEP-0323 §3).
     *
     * @param c the categories
     * @return this builder
     */
    public ReadoutRequestBuilder categories(FieldCategory... c) {
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
    public ReadoutRequestBuilder all() {
        this.all = true;
        return this;
    }

    /**
     * Sets the {@code historical='true'} shortcut: every historical category.
     *
     * @return this builder
     */
    public ReadoutRequestBuilder historical() {
        this.historical = true;
        return this;
    }

    /**
     * Restricts the read-out to these nodes.
     *
     * @param refs node references
     * @return this builder
     */
    public ReadoutRequestBuilder nodes(NodeRef... refs) {
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
    public ReadoutRequestBuilder nodes(String... nodeIds) {
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
    public ReadoutRequestBuilder fields(String... names) {
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
    public ReadoutRequestBuilder from(DateTimeValue from) {
        this.from = from;
        return this;
    }

    /**
     * Sets the start of the historical range.
     *
     * @param from the start, sent in UTC
     * @return this builder
     */
    public ReadoutRequestBuilder from(Instant from) {
        return from(DateTimeValue.of(from));
    }

    /**
     * Sets the end of the historical range.
     *
     * @param to the end, null for none
     * @return this builder
     */
    public ReadoutRequestBuilder to(DateTimeValue to) {
        this.to = to;
        return this;
    }

    /**
     * Sets the end of the historical range.
     *
     * @param to the end, sent in UTC
     * @return this builder
     */
    public ReadoutRequestBuilder to(Instant to) {
        return to(DateTimeValue.of(to));
    }

    /**
     * Schedules the read-out; the Thing may queue it and answers {@code accepted queued='true'}.
     *
     * @param when the time, null for now
     * @return this builder
     */
    public ReadoutRequestBuilder when(DateTimeValue when) {
        this.when = when;
        return this;
    }

    /**
     * Schedules the read-out.
     *
     * @param when the time, sent in UTC
     * @return this builder
     */
    public ReadoutRequestBuilder when(Instant when) {
        return when(DateTimeValue.of(when));
    }

    /**
     * Sets the provisioning tokens sent with the request (XEP-0324).
     *
     * @param tokens the tokens
     * @return this builder
     */
    public ReadoutRequestBuilder tokens(Tokens tokens) {
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
    public ReadoutRequestBuilder timeout(Duration timeout) {
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
