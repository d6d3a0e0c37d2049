package io.github.xmppiot.core.field;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The field types of XEP-0323 §3.1 ("field-type flags"), as attributes on {@code req} and on every field value.
 * The request shortcuts {@code all} and {@code historical} are {@link #ALL} and {@link #HISTORICAL}.
 *
 * @since 0.1.0
 */
public enum FieldCategory {
    /** A momentary value. */
    MOMENTARY("momentary"),
    /** A peak value. */
    PEAK("peak"),
    /** A status value. */
    STATUS("status"),
    /** A computed value. */
    COMPUTED("computed"),
    /** An identity value (example 6 of XEP-0323 spells it {@code identification}; accepted on input). */
    IDENTITY("identity"),
    /** Historical value, per second. */
    HISTORICAL_SECOND("historicalSecond"),
    /** Historical value, per minute. */
    HISTORICAL_MINUTE("historicalMinute"),
    /** Historical value, per hour. */
    HISTORICAL_HOUR("historicalHour"),
    /** Historical value, per day. */
    HISTORICAL_DAY("historicalDay"),
    /** Historical value, per week. */
    HISTORICAL_WEEK("historicalWeek"),
    /** Historical value, per month. */
    HISTORICAL_MONTH("historicalMonth"),
    /** Historical value, per quarter. */
    HISTORICAL_QUARTER("historicalQuarter"),
    /** Historical value, per year. */
    HISTORICAL_YEAR("historicalYear"),
    /** Historical value, other period. */
    HISTORICAL_OTHER("historicalOther");

    /** Attribute alias of {@link #IDENTITY} used by XEP-0323 example 6. */
    public static final String IDENTITY_ALIAS = "identification";

    /** Every category: the {@code all='true'} shortcut. */
    public static final Set<FieldCategory> ALL = Collections.unmodifiableSet(EnumSet.allOf(FieldCategory.class));

    /** The nine historical categories: the {@code historical='true'} shortcut. */
    public static final Set<FieldCategory> HISTORICAL =
            Collections.unmodifiableSet(EnumSet.range(HISTORICAL_SECOND, HISTORICAL_OTHER));

    private static final FieldCategory[] VALUES = values();

    private final String attribute;

    FieldCategory(String attribute) {
        this.attribute = attribute;
    }

    /**
     * The attribute name of this flag.
     *
     * @return the name as XEP-0323 spells it
     */
    public String attribute() {
        return attribute;
    }

    /**
     * Whether this is one of the historical categories.
     *
     * @return true for {@code historical*}
     */
    public boolean isHistorical() {
        return HISTORICAL.contains(this);
    }

    /**
     * Looks a category up by attribute name, accepting {@code identification} for {@link #IDENTITY}.
     *
     * @param attribute the attribute name
     * @return the category, empty if unknown
     */
    public static Optional<FieldCategory> fromAttribute(String attribute) {
        if (IDENTITY_ALIAS.equals(attribute)) {
            return Optional.of(IDENTITY);
        }
        for (FieldCategory c : VALUES) {
            if (c.attribute.equals(attribute)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
