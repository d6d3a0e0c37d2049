package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Requests about given nodes: whether they exist (XEP-0326 §3.5), their descriptions (§3.6), their inheritance and
 * ancestors, and moving them among their siblings (§3.7).
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface NodeRequest<R extends Reply> extends Request<R> {

    /**
     * C5 {@code containsNode} (XEP-0326 §3.5).
     *
     * @param node the node
     */
    record ContainsNode(NodeRef node) implements NodeRequest<Reply.Contains> {
        /** Checks the value. */
        public ContainsNode {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.CONTAINS_NODE;
        }

        @Override
        public Reply.Contains reply(ConcentratorResponse r) {
            return Requests.contains(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
        }
    }

    /**
     * C6 {@code containsNodes} (XEP-0326 §3.5).
     *
     * @param nodes the nodes
     */
    record ContainsNodes(List<NodeRef> nodes) implements NodeRequest<Reply.ContainsEach> {
        /** Copies the list. */
        public ContainsNodes {
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.CONTAINS_NODES;
        }

        @Override
        public Reply.ContainsEach reply(ConcentratorResponse r) {
            return new Reply.ContainsEach(r.booleans());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.nodes(nodes);
        }
    }

    /**
     * C7 {@code getNode} (XEP-0326 §3.6).
     *
     * @param node    the node
     * @param details what the description carries
     */
    record GetNode(NodeRef node, Set<NodeDetail> details) implements NodeRequest<Reply.Node> {
        /** Checks and copies the values. */
        public GetNode {
            Objects.requireNonNull(node, "node");
            details = NodeDetail.copy(details);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODE;
        }

        @Override
        public Reply.Node reply(ConcentratorResponse r) {
            return new Reply.Node(r.node().orElseThrow(() -> new IllegalStateException("response without a node")));
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
            NodeDetail.write(b, details);
        }
    }

    /**
     * C8 {@code getNodes} (XEP-0326 §3.6).
     *
     * @param nodes   the nodes
     * @param details what the descriptions carry
     */
    record GetNodes(List<NodeRef> nodes, Set<NodeDetail> details) implements NodeRequest<Reply.Nodes> {
        /** Copies the values. */
        public GetNodes {
            nodes = List.copyOf(nodes);
            details = NodeDetail.copy(details);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODES;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.nodes(nodes);
            NodeDetail.write(b, details);
        }
    }

    /**
     * C10 {@code getNodeInheritance} (XEP-0326 §3.7).
     *
     * @param node the node
     */
    record GetNodeInheritance(NodeRef node) implements NodeRequest<Reply.Inheritance> {
        /** Checks the value. */
        public GetNodeInheritance {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODE_INHERITANCE;
        }

        @Override
        public Reply.Inheritance reply(ConcentratorResponse r) {
            return new Reply.Inheritance(
                    r.baseClasses().orElse(List.of()), r.interfaces().orElse(List.of()));
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
        }
    }

    /**
     * C13 {@code getAncestors} (XEP-0326 §3.7).
     *
     * @param node    the node
     * @param details what the descriptions carry
     */
    record GetAncestors(NodeRef node, Set<NodeDetail> details) implements NodeRequest<Reply.Nodes> {
        /** Checks and copies the values. */
        public GetAncestors {
            Objects.requireNonNull(node, "node");
            details = NodeDetail.copy(details);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ANCESTORS;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
            NodeDetail.write(b, details);
        }
    }

    /**
     * C14 {@code moveNodeUp} / {@code moveNodeDown} (XEP-0326 §3.7).
     *
     * @param node      the node
     * @param direction where to move it
     */
    record MoveNode(NodeRef node, Direction direction) implements NodeRequest<Reply.Done> {
        /** Checks the values. */
        public MoveNode {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(direction, "direction");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return direction == Direction.UP ? ConcentratorCommand.MOVE_NODE_UP : ConcentratorCommand.MOVE_NODE_DOWN;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
        }
    }

    /**
     * C14 {@code moveNodesUp} / {@code moveNodesDown} (XEP-0326 §3.7).
     *
     * @param nodes     the nodes
     * @param direction where to move them
     */
    record MoveNodes(List<NodeRef> nodes, Direction direction) implements NodeRequest<Reply.Done> {
        /** Checks and copies the values. */
        public MoveNodes {
            nodes = List.copyOf(nodes);
            Objects.requireNonNull(direction, "direction");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return direction == Direction.UP ? ConcentratorCommand.MOVE_NODES_UP : ConcentratorCommand.MOVE_NODES_DOWN;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.nodes(nodes);
        }
    }
}
