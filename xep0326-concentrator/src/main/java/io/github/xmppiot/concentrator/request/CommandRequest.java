package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Node commands and queries on one node (XEP-0326 §3.12, CHECKLIST C18–C19) and on several nodes at once (§3.13,
 * C20). A command's {@code form} is null for a simple command or a query without parameters.
 *
 * @param <R> the reply
 * @since 0.1.0
 */
public sealed interface CommandRequest<R extends Reply> extends Request<R> {

    /**
     * C18 {@code getNodeCommands} (XEP-0326 §3.12).
     *
     * @param node the node
     */
    record GetNodeCommands(NodeRef node) implements CommandRequest<Reply.Commands> {
        /** Checks the value. */
        public GetNodeCommands {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_NODE_COMMANDS;
        }

        @Override
        public Reply.Commands reply(ConcentratorResponse r) {
            return new Reply.Commands(r.commands());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node);
        }
    }

    /**
     * C18 {@code getCommandParameters} (XEP-0326 §3.12).
     *
     * @param node    the node
     * @param command the command id
     */
    record GetCommandParameters(NodeRef node, String command) implements CommandRequest<Reply.Form> {
        /** Checks the values. */
        public GetCommandParameters {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_COMMAND_PARAMETERS;
        }

        @Override
        public Reply.Form reply(ConcentratorResponse r) {
            return Requests.form(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node).attribute("command", command);
        }
    }

    /**
     * C18 {@code executeNodeCommand} (XEP-0326 §3.12).
     *
     * @param node    the node
     * @param command the command id
     * @param form    the parameters, null for a simple command
     */
    record ExecuteNodeCommand(NodeRef node, String command, DataForm form) implements CommandRequest<Reply.Done> {
        /** Checks the values. */
        public ExecuteNodeCommand {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.EXECUTE_NODE_COMMAND;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node).attribute("command", command).form(form);
        }
    }

    /**
     * C19 {@code executeNodeQuery} (XEP-0326 §3.12).
     *
     * @param node    the node
     * @param command the query's command id
     * @param form    the parameters, null for none
     */
    record ExecuteNodeQuery(NodeRef node, String command, DataForm form) implements CommandRequest<Reply.QueryStarted> {
        /** Checks the values. */
        public ExecuteNodeQuery {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.EXECUTE_NODE_QUERY;
        }

        @Override
        public Reply.QueryStarted reply(ConcentratorResponse r) {
            return Requests.queryStarted(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node).attribute("command", command).form(form);
        }
    }

    /**
     * C19 {@code abortNodeQuery} (XEP-0326 §3.12).
     *
     * @param node    the node
     * @param queryId the query id
     */
    record AbortNodeQuery(NodeRef node, String queryId) implements CommandRequest<Reply.Done> {
        /** Checks the values. */
        public AbortNodeQuery {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(queryId, "queryId");
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.ABORT_NODE_QUERY;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.node(node).attribute("queryId", queryId);
        }
    }

    /**
     * C20 {@code getCommonNodeCommands} (XEP-0326 §3.13).
     *
     * @param nodes the nodes
     */
    record GetCommonNodeCommands(List<NodeRef> nodes) implements CommandRequest<Reply.Commands> {
        /** Copies the list. */
        public GetCommonNodeCommands {
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_COMMON_NODE_COMMANDS;
        }

        @Override
        public Reply.Commands reply(ConcentratorResponse r) {
            return new Reply.Commands(r.commands());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.nodes(nodes);
        }
    }

    /**
     * C20 {@code getCommonCommandParameters} (XEP-0326 §3.13).
     *
     * @param command the command id
     * @param nodes   the nodes
     */
    record GetCommonCommandParameters(String command, List<NodeRef> nodes) implements CommandRequest<Reply.Form> {
        /** Checks and copies the values. */
        public GetCommonCommandParameters {
            Objects.requireNonNull(command, "command");
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.GET_COMMON_COMMAND_PARAMETERS;
        }

        @Override
        public Reply.Form reply(ConcentratorResponse r) {
            return Requests.form(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.attribute("command", command).nodes(nodes);
        }
    }

    /**
     * C20 {@code executeCommonNodeCommand} (XEP-0326 §3.13). The answer is {@code OK} even when the command failed
     * on some nodes: check each result (CHECKLIST 326-14).
     *
     * @param command the command id
     * @param nodes   the nodes
     * @param form    the parameters, null for a simple command
     */
    record ExecuteCommonNodeCommand(String command, List<NodeRef> nodes, DataForm form)
            implements CommandRequest<Reply.NodeResults> {
        /** Checks and copies the values. */
        public ExecuteCommonNodeCommand {
            Objects.requireNonNull(command, "command");
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.EXECUTE_COMMON_NODE_COMMAND;
        }

        @Override
        public Reply.NodeResults reply(ConcentratorResponse r) {
            return new Reply.NodeResults(r.nodeResults());
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.attribute("command", command).nodes(nodes).form(form);
        }
    }

    /**
     * C20 {@code executeCommonNodeQuery} (XEP-0326 §3.13): one query id over several nodes.
     *
     * @param command the query's command id
     * @param nodes   the nodes
     * @param form    the parameters, null for none
     */
    record ExecuteCommonNodeQuery(String command, List<NodeRef> nodes, DataForm form)
            implements CommandRequest<Reply.QueryStarted> {
        /** Checks and copies the values. */
        public ExecuteCommonNodeQuery {
            Objects.requireNonNull(command, "command");
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.EXECUTE_COMMON_NODE_QUERY;
        }

        @Override
        public Reply.QueryStarted reply(ConcentratorResponse r) {
            return Requests.queryStarted(r);
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.attribute("command", command).nodes(nodes).form(form);
        }
    }

    /**
     * C20 {@code abortCommonNodeQuery} (XEP-0326 §3.13).
     *
     * @param queryId the query id
     * @param nodes   the nodes
     */
    record AbortCommonNodeQuery(String queryId, List<NodeRef> nodes) implements CommandRequest<Reply.Done> {
        /** Checks and copies the values. */
        public AbortCommonNodeQuery {
            Objects.requireNonNull(queryId, "queryId");
            nodes = List.copyOf(nodes);
        }

        @Override
        public ConcentratorCommand wireCommand() {
            return ConcentratorCommand.ABORT_COMMON_NODE_QUERY;
        }

        @Override
        public Reply.Done reply(ConcentratorResponse r) {
            return Reply.DONE;
        }

        @Override
        public void writeTo(ConcentratorRequest.Builder b) {
            b.attribute("queryId", queryId).nodes(nodes);
        }
    }
}
