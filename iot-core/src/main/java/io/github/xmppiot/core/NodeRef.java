package io.github.xmppiot.core;

import java.util.Objects;

/**
 * Address of a node behind a JID: the (nodeId, sourceId, cacheType) triple used by XEP-0323 {@code req/node},
 * XEP-0324 {@code canRead/node}, XEP-0325 {@code set/node}, XEP-0326 node references and XEP-0347 registrations
 * (CHECKLIST X-2).
 *
 * <p>{@code nodeId} is required and non-blank. {@code sourceId} and {@code cacheType} are optional; an empty string is
 * treated like an absent attribute (XEP-0326 §3.8 note: an empty {@code cacheType} must be ignored where a source does
 * not use cache types), so both are normalised to {@code null}.
 *
 * <p>A reference that carries only a {@code nodeId} addresses <em>every</em> node with that id, whatever its source and
 * cache type (XEP-0323 §3.4 "large subsystems"); {@link #matches(NodeRef)} implements that rule.
 *
 * @param nodeId    the node identity, never blank
 * @param sourceId  the data source, or {@code null} when not given
 * @param cacheType the cache type, or {@code null} when not given
 * @since 0.1.0
 */
public record NodeRef(String nodeId, String sourceId, String cacheType) {

    /** XML attribute name of the node identity. */
    public static final String ATTR_NODE_ID = "nodeId";
    /** XML attribute name of the data source. */
    public static final String ATTR_SOURCE_ID = "sourceId";
    /** XML attribute name of the cache type. */
    public static final String ATTR_CACHE_TYPE = "cacheType";

    /**
     * Validates and normalises the triple.
     *
     * @throws IllegalArgumentException if {@code nodeId} is null or blank
     */
    public NodeRef {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId is required and must not be blank");
        }
        sourceId = emptyToNull(sourceId);
        cacheType = emptyToNull(cacheType);
    }

    /**
     * A reference by node id only, matching that id in every source.
     *
     * @param nodeId the node identity
     * @return the reference
     */
    public static NodeRef of(String nodeId) {
        return new NodeRef(nodeId, null, null);
    }

    /**
     * A reference by node id within one data source.
     *
     * @param nodeId   the node identity
     * @param sourceId the data source, may be null
     * @return the reference
     */
    public static NodeRef of(String nodeId, String sourceId) {
        return new NodeRef(nodeId, sourceId, null);
    }

    /**
     * A fully qualified reference.
     *
     * @param nodeId    the node identity
     * @param sourceId  the data source, may be null
     * @param cacheType the cache type, may be null
     * @return the reference
     */
    public static NodeRef of(String nodeId, String sourceId, String cacheType) {
        return new NodeRef(nodeId, sourceId, cacheType);
    }

    /**
     * Whether this reference, as sent in a request, addresses the concrete node {@code node}. Attributes absent from
     * this reference match anything (CHECKLIST X-2: an ambiguous nodeId addresses all nodes with that id).
     *
     * @param node a concrete node
     * @return true if the request reference selects that node
     */
    public boolean matches(NodeRef node) {
        Objects.requireNonNull(node, "node");
        return nodeId.equals(node.nodeId)
                && (sourceId == null || sourceId.equals(node.sourceId))
                && (cacheType == null || cacheType.equals(node.cacheType));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(nodeId);
        if (sourceId != null) {
            sb.append('@').append(sourceId);
        }
        if (cacheType != null) {
            sb.append('#').append(cacheType);
        }
        return sb.toString();
    }
}
