package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.DateTimeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The description of a node (XEP-0326 §3.8 "Node Information", XSD type {@code NodeInformation}): attributes, and,
 * when requested, node parameters ({@code parameters='true'}) and node messages ({@code messages='true'}).
 *
 * <p>The optional xs:boolean attributes ({@code childrenOrdered}, {@code isReadable}, {@code isControllable},
 * {@code hasCommands}) are {@code null} when absent; absent means false, as the accessor methods
 * {@link #readable()}, {@link #controllable()}, {@link #commands()} and {@link #ordered()} report.
 *
 * @param nodeId          the node id (required)
 * @param displayName     display name, may be null
 * @param nodeType        node type, may be null
 * @param localId         local id, may be null
 * @param logId           log id, may be null
 * @param cacheType       cache type, may be null
 * @param state           the node state (required)
 * @param hasChildren     whether the node has child nodes (required)
 * @param childrenOrdered whether the children are ordered, null if absent
 * @param isReadable      whether the node can be read with XEP-0323, null if absent
 * @param isControllable  whether the node can be controlled with XEP-0325, null if absent
 * @param hasCommands     whether the node has commands, null if absent
 * @param parentId        the parent's node id, may be null
 * @param parentCacheType the parent's cache type, may be null
 * @param lastChanged     when the node last changed, may be null
 * @param parameters      node parameters (empty unless requested)
 * @param messages        node messages (empty unless requested)
 * @since 0.1.0
 */
public record NodeInformation(
        String nodeId,
        String displayName,
        String nodeType,
        String localId,
        String logId,
        String cacheType,
        NodeState state,
        boolean hasChildren,
        Boolean childrenOrdered,
        Boolean isReadable,
        Boolean isControllable,
        Boolean hasCommands,
        String parentId,
        String parentCacheType,
        DateTimeValue lastChanged,
        List<NodeParameter> parameters,
        List<NodeMessage> messages) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if nodeId is blank
     * @throws NullPointerException     if state is missing
     */
    public NodeInformation {
        if (nodeId == null || nodeId.isEmpty()) {
            throw new IllegalArgumentException("nodeId is required");
        }
        Objects.requireNonNull(state, "state");
        parameters = List.copyOf(parameters);
        messages = List.copyOf(messages);
    }

    /**
     * Starts building a node description.
     *
     * @param nodeId the node id
     * @return a builder with state {@link NodeState#NONE} and no children
     */
    public static Builder builder(String nodeId) {
        return new Builder(nodeId);
    }

    /**
     * A builder pre-filled with this description.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(nodeId);
        b.displayName = displayName;
        b.nodeType = nodeType;
        b.localId = localId;
        b.logId = logId;
        b.cacheType = cacheType;
        b.state = state;
        b.hasChildren = hasChildren;
        b.childrenOrdered = childrenOrdered;
        b.isReadable = isReadable;
        b.isControllable = isControllable;
        b.hasCommands = hasCommands;
        b.parentId = parentId;
        b.parentCacheType = parentCacheType;
        b.lastChanged = lastChanged;
        b.parameters.addAll(parameters);
        b.messages.addAll(messages);
        return b;
    }

    /**
     * The node reference of this node within a data source.
     *
     * @param sourceId the data source the node belongs to
     * @return the reference
     */
    public NodeRef ref(String sourceId) {
        return NodeRef.of(nodeId, sourceId, cacheType);
    }

    /** @return whether the node can be read (absent attribute means false) */
    public boolean readable() {
        return Boolean.TRUE.equals(isReadable);
    }

    /** @return whether the node can be controlled (absent attribute means false) */
    public boolean controllable() {
        return Boolean.TRUE.equals(isControllable);
    }

    /** @return whether the node has commands (absent attribute means false) */
    public boolean commands() {
        return Boolean.TRUE.equals(hasCommands);
    }

    /** @return whether the children are ordered (absent attribute means false) */
    public boolean ordered() {
        return Boolean.TRUE.equals(childrenOrdered);
    }

    /** Builder of {@link NodeInformation}. */
    public static final class Builder {
        private final String nodeId;
        private String displayName;
        private String nodeType;
        private String localId;
        private String logId;
        private String cacheType;
        private NodeState state = NodeState.NONE;
        private boolean hasChildren;
        private Boolean childrenOrdered;
        private Boolean isReadable;
        private Boolean isControllable;
        private Boolean hasCommands;
        private String parentId;
        private String parentCacheType;
        private DateTimeValue lastChanged;
        private final List<NodeParameter> parameters = new ArrayList<>();
        private final List<NodeMessage> messages = new ArrayList<>();

        private Builder(String nodeId) {
            this.nodeId = nodeId;
        }

        /**
         * Sets the display name.
         *
         * @param v the value, may be null
         * @return this builder
         */
        public Builder displayName(String v) {
            displayName = v;
            return this;
        }

        /**
         * Sets the node type.
         *
         * @param v the value, may be null
         * @return this builder
         */
        public Builder nodeType(String v) {
            nodeType = v;
            return this;
        }

        /**
         * Sets the local id.
         *
         * @param v the value, may be null
         * @return this builder
         */
        public Builder localId(String v) {
            localId = v;
            return this;
        }

        /**
         * Sets the log id.
         *
         * @param v the value, may be null
         * @return this builder
         */
        public Builder logId(String v) {
            logId = v;
            return this;
        }

        /**
         * Sets the cache type.
         *
         * @param v the value, may be null
         * @return this builder
         */
        public Builder cacheType(String v) {
            cacheType = v;
            return this;
        }

        /**
         * Sets the state.
         *
         * @param v the state
         * @return this builder
         */
        public Builder state(NodeState v) {
            state = v;
            return this;
        }

        /**
         * Sets whether the node has children.
         *
         * @param v the value
         * @return this builder
         */
        public Builder hasChildren(boolean v) {
            hasChildren = v;
            return this;
        }

        /**
         * Sets {@code childrenOrdered}.
         *
         * @param v the value, null to omit the attribute
         * @return this builder
         */
        public Builder childrenOrdered(Boolean v) {
            childrenOrdered = v;
            return this;
        }

        /**
         * Sets {@code isReadable}.
         *
         * @param v the value, null to omit the attribute
         * @return this builder
         */
        public Builder readable(Boolean v) {
            isReadable = v;
            return this;
        }

        /**
         * Sets {@code isControllable}.
         *
         * @param v the value, null to omit the attribute
         * @return this builder
         */
        public Builder controllable(Boolean v) {
            isControllable = v;
            return this;
        }

        /**
         * Sets {@code hasCommands}.
         *
         * @param v the value, null to omit the attribute
         * @return this builder
         */
        public Builder hasCommands(Boolean v) {
            hasCommands = v;
            return this;
        }

        /**
         * Sets the parent.
         *
         * @param id        the parent's node id, may be null
         * @param cacheType the parent's cache type, may be null
         * @return this builder
         */
        public Builder parent(String id, String cacheType) {
            parentId = id;
            parentCacheType = cacheType;
            return this;
        }

        /**
         * Sets when the node last changed.
         *
         * @param v the time, may be null
         * @return this builder
         */
        public Builder lastChanged(DateTimeValue v) {
            lastChanged = v;
            return this;
        }

        /**
         * Adds a node parameter.
         *
         * @param p the parameter
         * @return this builder
         */
        public Builder parameter(NodeParameter p) {
            parameters.add(Objects.requireNonNull(p, "parameter"));
            return this;
        }

        /**
         * Removes all node parameters.
         *
         * @return this builder
         */
        public Builder clearParameters() {
            parameters.clear();
            return this;
        }

        /**
         * Adds a node message.
         *
         * @param m the message
         * @return this builder
         */
        public Builder message(NodeMessage m) {
            messages.add(Objects.requireNonNull(m, "message"));
            return this;
        }

        /**
         * Removes all node messages.
         *
         * @return this builder
         */
        public Builder clearMessages() {
            messages.clear();
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         */
        public NodeInformation build() {
            return new NodeInformation(
                    nodeId,
                    displayName,
                    nodeType,
                    localId,
                    logId,
                    cacheType,
                    state,
                    hasChildren,
                    childrenOrdered,
                    isReadable,
                    isControllable,
                    hasCommands,
                    parentId,
                    parentCacheType,
                    lastChanged,
                    parameters,
                    messages);
        }
    }
}
