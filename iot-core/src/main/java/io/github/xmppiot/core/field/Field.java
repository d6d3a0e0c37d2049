package io.github.xmppiot.core.field;

import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One sensor-data field value (XEP-0323 §3.1 "Field value types"): a name, a typed value, the field categories it
 * belongs to, its quality-of-service flags, localisation hints and whether it corresponds to a control parameter of
 * the same name ({@code writable}, XEP-0323 §3.1; null when unknown). Node and timestamp are given by the enclosing
 * {@link TimedField} and the read-out that carries it.
 *
 * @param name         the unlocalised field name
 * @param value        the value
 * @param categories   the field categories (never empty on output: at least one is expected by clients)
 * @param quality      the quality-of-service flags (empty means automatic read-out)
 * @param localization the localisation hints
 * @param writable     whether a control parameter of the same name exists, or null if unknown
 * @since 0.1.0
 */
public record Field(
        String name,
        Value value,
        Set<FieldCategory> categories,
        Set<QualityFlag> quality,
        Localization localization,
        Boolean writable) {

    /**
     * Validates and copies the sets.
     *
     * @throws IllegalArgumentException if the name is empty or the value type is not a field type
     */
    public Field {
        Values.xmlText(Objects.requireNonNull(name, "name"), "field name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("field name must not be empty");
        }
        Objects.requireNonNull(value, "value");
        if (!value.type().isFieldType()) {
            throw new IllegalArgumentException("'" + value.type().elementName() + "' is not a XEP-0323 field type");
        }
        categories = freeze(categories, FieldCategory.class);
        quality = freeze(quality, QualityFlag.class);
        localization = localization == null ? Localization.NONE : localization;
    }

    /**
     * Starts a field with the given name and value; momentary and automatic read-out unless set otherwise.
     *
     * @param name  the unlocalised field name
     * @param value the value
     * @return a builder
     */
    public static Builder builder(String name, Value value) {
        return new Builder(name, value);
    }

    /**
     * A momentary, automatically read field.
     *
     * @param name  the unlocalised field name
     * @param value the value
     * @return the field
     */
    public static Field momentary(String name, Value value) {
        return builder(name, value).build();
    }

    /**
     * The value type.
     *
     * @return the type of {@link #value()}
     */
    public ValueType type() {
        return value.type();
    }

    /**
     * Whether this field belongs to any of the given categories (XEP-0323 §3.4: requested types are a union).
     *
     * @param requested the requested categories
     * @return true if at least one category is shared
     */
    public boolean inAnyOf(Set<FieldCategory> requested) {
        for (FieldCategory c : categories) {
            if (requested.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Enum<E>> Set<E> freeze(Set<E> set, Class<E> type) {
        if (set == null || set.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(type));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(set));
    }

    /** Builder of {@link Field}. */
    public static final class Builder {
        private final String name;
        private final Value value;
        private final Set<FieldCategory> categories = EnumSet.noneOf(FieldCategory.class);
        private final Set<QualityFlag> quality = EnumSet.noneOf(QualityFlag.class);
        private Localization localization = Localization.NONE;
        private Boolean writable;

        private Builder(String name, Value value) {
            this.name = name;
            this.value = value;
        }

        /**
         * Adds categories (replacing the momentary default once any is given).
         *
         * @param c the categories
         * @return this builder
         */
        public Builder categories(FieldCategory... c) {
            Collections.addAll(categories, c);
            return this;
        }

        /**
         * Adds quality-of-service flags.
         *
         * @param q the flags
         * @return this builder
         */
        public Builder quality(QualityFlag... q) {
            Collections.addAll(quality, q);
            return this;
        }

        /**
         * Sets localisation hints.
         *
         * @param module    language module, may be null
         * @param stringIds string id steps, may be null
         * @return this builder
         */
        public Builder localization(String module, String stringIds) {
            this.localization = new Localization(module, stringIds);
            return this;
        }

        /**
         * Declares whether a control parameter of the same name exists.
         *
         * @param writable true if writable through XEP-0325
         * @return this builder
         */
        public Builder writable(boolean writable) {
            this.writable = writable;
            return this;
        }

        /**
         * Builds the field.
         *
         * @return the field; momentary if no category was given, automatic read-out if no flag was given
         */
        public Field build() {
            Set<FieldCategory> c = categories.isEmpty() ? EnumSet.of(FieldCategory.MOMENTARY) : categories;
            Set<QualityFlag> q = quality.isEmpty() ? EnumSet.of(QualityFlag.AUTOMATIC_READOUT) : quality;
            return new Field(name, value, c, q, localization, writable);
        }
    }
}
