package io.github.xmppiot.concentrator.element;

import java.util.Objects;

/**
 * A requested sort order of {@code getChildNodes}, element {@code sortOrder} (XEP-0326 §3.7 "Get Child Nodes").
 *
 * @param parameterName the node parameter to sort by
 * @param ascending     the direction; null when the attribute is absent (meaning ascending)
 * @since 0.1.0
 */
public record SortOrder(String parameterName, Boolean ascending) {

    /**
     * Validates the order.
     *
     * @throws NullPointerException if the parameter name is missing
     */
    public SortOrder {
        Objects.requireNonNull(parameterName, "parameterName");
    }

    /** @return whether to sort ascending (absent means true) */
    public boolean isAscending() {
        return !Boolean.FALSE.equals(ascending);
    }
}
