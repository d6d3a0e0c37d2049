package io.github.xmppiot.provisioning.element;

import io.github.xmppiot.core.field.FieldCategory;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The field-type flags of XEP-0324 §3.3 {@code canRead}/{@code canReadResponse} (the XEP-0323 {@code fieldTypes}
 * attribute group plus the {@code all} and {@code historical} shortcuts), kept as sent so that they round-trip.
 *
 * @param categories the individual flags set to true
 * @param all        the {@code all} shortcut
 * @param historical the {@code historical} shortcut
 * @since 0.1.0
 */
public record FieldTypes(Set<FieldCategory> categories, boolean all, boolean historical) {

    /** No flag set. */
    public static final FieldTypes NONE = new FieldTypes(Set.of(), false, false);

    /**
     * Copies the set.
     */
    public FieldTypes {
        categories = categories == null || categories.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(FieldCategory.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /**
     * The flags for a set of categories, using the {@code all} shortcut when every category is asked for.
     *
     * @param categories the categories (empty: no flag)
     * @return the flags
     */
    public static FieldTypes of(Set<FieldCategory> categories) {
        if (categories.containsAll(FieldCategory.ALL)) {
            return new FieldTypes(Set.of(), true, false);
        }
        return new FieldTypes(categories, false, false);
    }

    /**
     * Every category the flags select, with the shortcuts expanded.
     *
     * @return the categories
     */
    public Set<FieldCategory> expanded() {
        EnumSet<FieldCategory> s =
                categories.isEmpty() ? EnumSet.noneOf(FieldCategory.class) : EnumSet.copyOf(categories);
        if (all) {
            s.addAll(FieldCategory.ALL);
        }
        if (historical) {
            s.addAll(FieldCategory.HISTORICAL);
        }
        return Collections.unmodifiableSet(s);
    }
}
