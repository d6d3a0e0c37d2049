package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.IndexRef;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/** Reads parsed request elements into their records, and the shared parts of replies. */
final class Requests {

    private Requests() {}

    static Request<?> read(ConcentratorRequest r) {
        Set<NodeDetail> details = NodeDetail.read(r);
        List<NodeRef> nodes = r.addressedNodes();
        DataForm form = r.form().orElse(null);
        return switch (r.command()) {
            case GET_CAPABILITIES -> new DataSourceRequest.GetCapabilities();
            case GET_ALL_DATA_SOURCES -> new DataSourceRequest.GetAllDataSources();
            case GET_ROOT_DATA_SOURCES -> new DataSourceRequest.GetRootDataSources();
            case GET_CHILD_DATA_SOURCES -> new DataSourceRequest.GetChildDataSources(source(r));
            case SUBSCRIBE ->
                new DataSourceRequest.Subscribe(
                        source(r), kinds(r), details, r.eventsSince().orElse(null));
            case UNSUBSCRIBE -> new DataSourceRequest.Unsubscribe(source(r), kinds(r));
            case CONTAINS_NODE -> new NodeRequest.ContainsNode(node(r));
            case CONTAINS_NODES -> new NodeRequest.ContainsNodes(nodes);
            case GET_NODE -> new NodeRequest.GetNode(node(r), details);
            case GET_NODES -> new NodeRequest.GetNodes(nodes, details);
            case GET_NODE_INHERITANCE -> new NodeRequest.GetNodeInheritance(node(r));
            case GET_ANCESTORS -> new NodeRequest.GetAncestors(node(r), details);
            case MOVE_NODE_UP -> new NodeRequest.MoveNode(node(r), Direction.UP);
            case MOVE_NODE_DOWN -> new NodeRequest.MoveNode(node(r), Direction.DOWN);
            case MOVE_NODES_UP -> new NodeRequest.MoveNodes(nodes, Direction.UP);
            case MOVE_NODES_DOWN -> new NodeRequest.MoveNodes(nodes, Direction.DOWN);
            case GET_ALL_NODES -> new TreeRequest.GetAllNodes(source(r), details, r.onlyIfDerivedFrom());
            case GET_ROOT_NODES -> new TreeRequest.GetRootNodes(source(r), details);
            case GET_CHILD_NODES -> new TreeRequest.GetChildNodes(node(r), details, r.sortOrders());
            case GET_INDICES -> new TreeRequest.GetIndices(source(r));
            case GET_NODES_FROM_INDEX ->
                new TreeRequest.GetNodesFromIndex(
                        new IndexRef(source(r), attribute(r, "index"), attribute(r, "indexValue")), details);
            case GET_NODES_FROM_INDICES -> new TreeRequest.GetNodesFromIndices(r.indexRefs(), details);
            case GET_ALL_INDEX_VALUES -> new TreeRequest.GetAllIndexValues(source(r), attribute(r, "index"));
            case GET_NODE_PARAMETERS_FOR_EDIT -> new EditRequest.GetNodeParametersForEdit(node(r));
            case SET_NODE_PARAMETERS_AFTER_EDIT -> new EditRequest.SetNodeParametersAfterEdit(node(r), form(r));
            case GET_COMMON_NODE_PARAMETERS_FOR_EDIT -> new EditRequest.GetCommonNodeParametersForEdit(nodes);
            case SET_COMMON_NODE_PARAMETERS_AFTER_EDIT ->
                new EditRequest.SetCommonNodeParametersAfterEdit(nodes, form(r));
            case GET_ADDABLE_NODE_TYPES -> new EditRequest.GetAddableNodeTypes(node(r));
            case GET_PARAMETERS_FOR_NEW_NODE -> new EditRequest.GetParametersForNewNode(node(r), attribute(r, "type"));
            case CREATE_NEW_NODE -> new EditRequest.CreateNewNode(node(r), attribute(r, "type"), form(r));
            case DESTROY_NODE -> new EditRequest.DestroyNode(node(r));
            case GET_NODE_COMMANDS -> new CommandRequest.GetNodeCommands(node(r));
            case GET_COMMAND_PARAMETERS -> new CommandRequest.GetCommandParameters(node(r), attribute(r, "command"));
            case EXECUTE_NODE_COMMAND -> new CommandRequest.ExecuteNodeCommand(node(r), attribute(r, "command"), form);
            case EXECUTE_NODE_QUERY -> new CommandRequest.ExecuteNodeQuery(node(r), attribute(r, "command"), form);
            case ABORT_NODE_QUERY -> new CommandRequest.AbortNodeQuery(node(r), attribute(r, "queryId"));
            case GET_COMMON_NODE_COMMANDS -> new CommandRequest.GetCommonNodeCommands(nodes);
            case GET_COMMON_COMMAND_PARAMETERS ->
                new CommandRequest.GetCommonCommandParameters(attribute(r, "command"), nodes);
            case EXECUTE_COMMON_NODE_COMMAND ->
                new CommandRequest.ExecuteCommonNodeCommand(attribute(r, "command"), nodes, form);
            case EXECUTE_COMMON_NODE_QUERY ->
                new CommandRequest.ExecuteCommonNodeQuery(attribute(r, "command"), nodes, form);
            case ABORT_COMMON_NODE_QUERY -> new CommandRequest.AbortCommonNodeQuery(attribute(r, "queryId"), nodes);
            case GET_DATABASES -> new DatabaseRequest.GetDatabases();
            case GET_DATABASE_READOUT_PARAMETERS ->
                new DatabaseRequest.GetDatabaseReadoutParameters(attribute(r, "databaseId"));
            case START_DATABASE_READOUT ->
                new DatabaseRequest.StartDatabaseReadout(
                        attribute(r, "databaseId"),
                        IntValue.parse(attribute(r, "seqnr")).value(),
                        r.nodes(),
                        form(r));
        };
    }

    private static String attribute(ConcentratorRequest r, String name) {
        return r.attribute(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "<" + r.command().element() + "/> without the attribute '" + name + "'"));
    }

    private static String source(ConcentratorRequest r) {
        return attribute(r, NodeRef.ATTR_SOURCE_ID);
    }

    private static NodeRef node(ConcentratorRequest r) {
        return r.nodeRef()
                .orElseThrow(() -> new IllegalArgumentException(
                        "<" + r.command().element() + "/> without the attribute 'nodeId'"));
    }

    private static DataForm form(ConcentratorRequest r) {
        return r.form()
                .orElseThrow(
                        () -> new IllegalArgumentException("<" + r.command().element() + "/> without a data form"));
    }

    private static Set<NodeEvent.Kind> kinds(ConcentratorRequest r) {
        EnumSet<NodeEvent.Kind> out = EnumSet.noneOf(NodeEvent.Kind.class);
        for (NodeEvent.Kind k : NodeEvent.Kind.values()) {
            if (r.flag(k.element(), true)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Copies a set of event kinds; null means every kind (the XSD default). */
    static Set<NodeEvent.Kind> kinds(Set<NodeEvent.Kind> kinds) {
        return kinds == null
                ? Set.copyOf(EnumSet.allOf(NodeEvent.Kind.class))
                : kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Writes a {@code false} flag for each kind not selected (absent flags mean true). */
    static void writeKinds(ConcentratorRequest.Builder b, Set<NodeEvent.Kind> kinds) {
        for (NodeEvent.Kind k : NodeEvent.Kind.values()) {
            if (!kinds.contains(k)) {
                b.flag(k.element(), false);
            }
        }
    }

    static Reply.Contains contains(ConcentratorResponse r) {
        return new Reply.Contains(BooleanValue.parseBoolean(r.text().orElse("false")));
    }

    static Reply.Form form(ConcentratorResponse r) {
        return new Reply.Form(r.form().orElseThrow(() -> new IllegalStateException("response without a data form")));
    }

    static Reply.QueryStarted queryStarted(ConcentratorResponse r) {
        return new Reply.QueryStarted(
                r.queryId().orElseThrow(() -> new IllegalStateException("response without queryId")), r.nodeResults());
    }
}
