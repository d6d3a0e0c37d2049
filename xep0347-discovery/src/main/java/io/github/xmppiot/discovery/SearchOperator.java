package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;

/**
 * One comparison operator of a registry search (XEP-0347 §3.15 "Search for Public Things in Registry"). The operators
 * of one search are combined with AND. The 17 operators of the XEP map to five records:
 * {@link StringComparison} ({@code strEq}, {@code strNEq}, {@code strGt}, {@code strGtEq}, {@code strLt},
 * {@code strLtEq}), {@link StringRange} ({@code strRange}, {@code strNRange}), {@link StringMask} ({@code strMask}),
 * {@link NumericComparison} ({@code numEq} ... {@code numLtEq}) and {@link NumericRange} ({@code numRange},
 * {@code numNRange}).
 *
 * @since 0.1.0
 */
public sealed interface SearchOperator
        permits StringComparison, StringRange, StringMask, NumericComparison, NumericRange {

    /**
     * The tag name the operator tests.
     *
     * @return the name as given
     */
    String name();

    /**
     * The XML element name of the operator, e.g. {@code strEq} or {@code numNRange}.
     *
     * @return the element name
     */
    String elementName();

    /**
     * Whether the operator refers to the reserved {@code KEY} tag; such searches never find anything (XEP-0347 §6.4).
     *
     * @return true if the name is {@code KEY} in any case
     */
    default boolean refersToKey() {
        return MetaTags.KEY.equalsIgnoreCase(name());
    }

    /**
     * The tag name in the form registries compare.
     *
     * @return the upper-case name
     */
    default String key() {
        return name().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Whether a tag satisfies the operator. Registries evaluate operators in their database; this is the reference
     * semantics (XEP-0347 §3.15): the tag must have the operator's name and kind, a string comparison uses
     * {@link String#compareTo}, a numeric one the double value.
     *
     * @param tag a tag of a Thing
     * @return true if it satisfies the operator
     */
    boolean test(MetaTag tag);
}
