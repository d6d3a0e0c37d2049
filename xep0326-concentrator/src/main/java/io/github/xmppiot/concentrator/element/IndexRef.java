package io.github.xmppiot.concentrator.element;

import java.util.Objects;

/**
 * A reference to nodes by index value, element {@code indexRef} of {@code getNodesFromIndices} (XEP-0326 §3.7
 * "Get Nodes from indices").
 *
 * @param sourceId   the data source
 * @param index      the index name
 * @param indexValue the value looked up
 * @since 0.1.0
 */
public record IndexRef(String sourceId, String index, String indexValue) {

    /**
     * Validates the reference.
     *
     * @throws NullPointerException if a part is missing
     */
    public IndexRef {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(indexValue, "indexValue");
    }
}
