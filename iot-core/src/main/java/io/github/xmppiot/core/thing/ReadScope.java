package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a read-out asks a sensor for (XEP-0323 §3.4): field categories (a union), field names (empty means all), and
 * an optional {@code from}/{@code to} range for historical values. These are hints: a sensor may return more, the
 * client filters (CHECKLIST 323-3).
 *
 * @param categories the requested categories, never empty
 * @param fieldNames the requested field names, empty for all
 * @param from       start of the historical range, or null
 * @param to         end of the historical range, or null
 * @since 0.1.0
 */
public record ReadScope(Set<FieldCategory> categories, Set<String> fieldNames, DateTimeValue from, DateTimeValue to) {

    /** Every category, every field, no range. */
    public static final ReadScope ALL = new ReadScope(FieldCategory.ALL, Set.of(), null, null);

    /** Momentary values of every field. */
    public static final ReadScope MOMENTARY = new ReadScope(EnumSet.of(FieldCategory.MOMENTARY), Set.of(), null, null);

    /**
     * Copies the sets; an empty category set means every category.
     */
    public ReadScope {
        categories = categories == null || categories.isEmpty()
                ? FieldCategory.ALL
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
        fieldNames = fieldNames == null ? Set.of() : Set.copyOf(fieldNames);
    }

    /**
     * Whether a field of this name is requested.
     *
     * @param name the field name
     * @return true if all fields or this one are requested
     */
    public boolean wantsField(String name) {
        return fieldNames.isEmpty() || fieldNames.contains(name);
    }

    /**
     * Whether any of the given categories is requested.
     *
     * @param fieldCategories a field's categories
     * @return true if the sets intersect
     */
    public boolean wantsAnyOf(Set<FieldCategory> fieldCategories) {
        for (FieldCategory c : fieldCategories) {
            if (categories.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any historical category is requested.
     *
     * @return true if historical values are wanted
     */
    public boolean wantsHistory() {
        return wantsAnyOf(FieldCategory.HISTORICAL);
    }
}
