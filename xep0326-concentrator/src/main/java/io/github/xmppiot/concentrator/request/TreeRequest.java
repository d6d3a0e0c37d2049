package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.IndexRef;
import io.github.xmppiot.concentrator.element.SortOrder;
import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Requests that browse a data source's node tree and its indices (XEP-0326 §3.7 "Node Hierarchy", "Node Indices").
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface TreeRequest<R extends Reply> extends Request<R> {

    /**
     * C9 {@code getAllNodes} (XEP-0326 §3.7).
     *
     * @param sourceId          the data source
     * @param details           what the descriptions carry
     * @param onlyIfDerivedFrom only nodes of these types or types derived from them; empty for all
     */
    record GetAllNodes(String sourceId, Set<NodeDetail> details, List<String> onlyIfDerivedFrom)
            implements TreeRequest<Reply.Nodes> {
        /** Checks and copies the values. */
        public GetAllNodes {
            Objects.requireNonNull(sourceId, "sourceId");
            details = NodeDetail.copy(details);
            onlyIfDerivedFrom = List.copyOf(onlyIfDerivedFrom);
        }

        /**
         * All nodes of a data source, of any type.
         *
         * @param sourceId the data source
         * @param details  what the descriptions carry
         */
        public GetAllNodes(String sourceId, Set<NodeDetail> details) {
            this(sourceId, details, List.of());
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ALL_NODES;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId);
            NodeDetail.write(b, details);
            onlyIfDerivedFrom.forEach(b::onlyIfDerivedFrom);
        }
    }

    /**
     * C11 {@code getRootNodes} (XEP-0326 §3.7).
     *
     * @param sourceId the data source
     * @param details  what the descriptions carry
     */
    record GetRootNodes(String sourceId, Set<NodeDetail> details) implements TreeRequest<Reply.Nodes> {
        /** Checks and copies the values. */
        public GetRootNodes {
            Objects.requireNonNull(sourceId, "sourceId");
            details = NodeDetail.copy(details);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ROOT_NODES;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId);
            NodeDetail.write(b, details);
        }
    }

    /**
     * C11 {@code getChildNodes} (XEP-0326 §3.7).
     *
     * @param node       the parent
     * @param details    what the descriptions carry
     * @param sortOrders how to sort the children; empty for the concentrator's order
     */
    record GetChildNodes(NodeRef node, Set<NodeDetail> details, List<SortOrder> sortOrders)
            implements TreeRequest<Reply.Nodes> {
        /** Checks and copies the values. */
        public GetChildNodes {
            Objects.requireNonNull(node, "node");
            details = NodeDetail.copy(details);
            sortOrders = List.copyOf(sortOrders);
        }

        /**
         * The children in the concentrator's order.
         *
         * @param node    the parent
         * @param details what the descriptions carry
         */
        public GetChildNodes(NodeRef node, Set<NodeDetail> details) {
            this(node, details, List.of());
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_CHILD_NODES;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
            NodeDetail.write(b, details);
            sortOrders.forEach(b::sortOrder);
        }
    }

    /**
     * C12 {@code getIndices} (XEP-0326 §3.7 "Get Indices of Data Source").
     *
     * @param sourceId the data source
     */
    record GetIndices(String sourceId) implements TreeRequest<Reply.Values> {
        /** Checks the value. */
        public GetIndices {
            Objects.requireNonNull(sourceId, "sourceId");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_INDICES;
        }

        @Override
        public Reply.Values reply(ConcentratorResponse r) {
            return new Reply.Values(r.values());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId);
        }
    }

    /**
     * C12 {@code getNodesFromIndex} (XEP-0326 §3.7).
     *
     * @param index   the data source, index and value
     * @param details what the descriptions carry
     */
    record GetNodesFromIndex(IndexRef index, Set<NodeDetail> details) implements TreeRequest<Reply.Nodes> {
        /** Checks and copies the values. */
        public GetNodesFromIndex {
            Objects.requireNonNull(index, "index");
            details = NodeDetail.copy(details);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODES_FROM_INDEX;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(index.sourceId()).attribute("index", index.index()).attribute("indexValue", index.indexValue());
            NodeDetail.write(b, details);
        }
    }

    /**
     * C12 {@code getNodesFromIndices} (XEP-0326 §3.7).
     *
     * @param indices the index references
     * @param details what the descriptions carry
     */
    record GetNodesFromIndices(List<IndexRef> indices, Set<NodeDetail> details) implements TreeRequest<Reply.Nodes> {
        /** Copies the values. */
        public GetNodesFromIndices {
            indices = List.copyOf(indices);
            details = NodeDetail.copy(details);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODES_FROM_INDICES;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            indices.forEach(b::indexRef);
            NodeDetail.write(b, details);
        }
    }

    /**
     * C12 {@code getAllIndexValues} (XEP-0326 §3.7).
     *
     * @param sourceId the data source
     * @param index    the index
     */
    record GetAllIndexValues(String sourceId, String index) implements TreeRequest<Reply.Values> {
        /** Checks the values. */
        public GetAllIndexValues {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ALL_INDEX_VALUES;
        }

        @Override
        public Reply.Values reply(ConcentratorResponse r) {
            return new Reply.Values(r.values());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.sourceId(sourceId).attribute("index", index);
        }
    }
}
