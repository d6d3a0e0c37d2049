package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Requests that edit node parameters (XEP-0326 §3.9, §3.10) and create or destroy nodes (§3.11). A {@code FormError}
 * answer fails the request with the per-field errors
 * ({@link io.github.xmppiot.concentrator.ConcentratorException#errors()}).
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface EditRequest<R extends Reply> extends Request<R> {

    /**
     * C15 {@code getNodeParametersForEdit} (XEP-0326 §3.9).
     *
     * @param node the node
     */
    record GetNodeParametersForEdit(NodeRef node) implements EditRequest<Reply.Form> {
        /** Checks the value. */
        public GetNodeParametersForEdit {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODE_PARAMETERS_FOR_EDIT;
        }

        @Override
        public Reply.Form reply(ConcentratorResponse r) {
            return Requests.form(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
        }
    }

    /**
     * C15 {@code setNodeParametersAfterEdit} (XEP-0326 §3.9); answered with the updated node.
     *
     * @param node the node
     * @param form the submitted form
     */
    record SetNodeParametersAfterEdit(NodeRef node, DataForm form) implements EditRequest<Reply.Nodes> {
        /** Checks the values. */
        public SetNodeParametersAfterEdit {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(form, "form");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.SET_NODE_PARAMETERS_AFTER_EDIT;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node).form(form);
        }
    }

    /**
     * C16 {@code getCommonNodeParametersForEdit} (XEP-0326 §3.10).
     *
     * @param nodes the nodes
     */
    record GetCommonNodeParametersForEdit(List<NodeRef> nodes) implements EditRequest<Reply.Form> {
        /** Copies the list. */
        public GetCommonNodeParametersForEdit {
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_COMMON_NODE_PARAMETERS_FOR_EDIT;
        }

        @Override
        public Reply.Form reply(ConcentratorResponse r) {
            return Requests.form(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.nodes(nodes);
        }
    }

    /**
     * C16 {@code setCommonNodeParametersAfterEdit} (XEP-0326 §3.10); answered with the updated nodes.
     *
     * @param nodes the nodes
     * @param form  the submitted form
     */
    record SetCommonNodeParametersAfterEdit(List<NodeRef> nodes, DataForm form) implements EditRequest<Reply.Nodes> {
        /** Checks and copies the values. */
        public SetCommonNodeParametersAfterEdit {
            nodes = List.copyOf(nodes);
            Objects.requireNonNull(form, "form");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.SET_COMMON_NODE_PARAMETERS_AFTER_EDIT;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.nodes(nodes).form(form);
        }
    }

    /**
     * C17 {@code getAddableNodeTypes} (XEP-0326 §3.11).
     *
     * @param parent the intended parent
     */
    record GetAddableNodeTypes(NodeRef parent) implements EditRequest<Reply.NodeTypes> {
        /** Checks the value. */
        public GetAddableNodeTypes {
            Objects.requireNonNull(parent, "parent");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_ADDABLE_NODE_TYPES;
        }

        @Override
        public Reply.NodeTypes reply(ConcentratorResponse r) {
            return new Reply.NodeTypes(r.nodeTypes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(parent);
        }
    }

    /**
     * C17 {@code getParametersForNewNode} (XEP-0326 §3.11).
     *
     * @param parent the intended parent
     * @param type   the node type
     */
    record GetParametersForNewNode(NodeRef parent, String type) implements EditRequest<Reply.Form> {
        /** Checks the values. */
        public GetParametersForNewNode {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_PARAMETERS_FOR_NEW_NODE;
        }

        @Override
        public Reply.Form reply(ConcentratorResponse r) {
            return Requests.form(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(parent).attribute("type", type);
        }
    }

    /**
     * C17 {@code createNewNode} (XEP-0326 §3.11); answered with the new node, a {@code FormError} creates nothing.
     *
     * @param parent the parent
     * @param type   the node type
     * @param form   the submitted form
     */
    record CreateNewNode(NodeRef parent, String type, DataForm form) implements EditRequest<Reply.Nodes> {
        /** Checks the values. */
        public CreateNewNode {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(form, "form");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.CREATE_NEW_NODE;
        }

        @Override
        public Reply.Nodes reply(ConcentratorResponse r) {
            return new Reply.Nodes(r.nodes());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(parent).attribute("type", type).form(form);
        }
    }

    /**
     * C17 {@code destroyNode} (XEP-0326 §3.11).
     *
     * @param node the node
     */
    record DestroyNode(NodeRef node) implements EditRequest<Reply.Done> {
        /** Checks the value. */
        public DestroyNode {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.DESTROY_NODE;
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
}
