package io.github.xmppiot.concentrator.element;

import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * The request elements of XEP-0326 (CHECKLIST §6.1, rows C1–C21), with the IQ type the XEP's examples use, the
 * attributes a request must carry and whether a data form is required. The response element of each is its name
 * followed by {@code Response} (XEP-0326 §3 "Response codes").
 *
 * <p>Node references in XEP-0326 requests carry {@code sourceId} per the XSD; this SDK also accepts a reference
 * without it (the reference then matches the node id in every data source, CHECKLIST X-2), so only {@code nodeId} is
 * listed as required for node-addressed commands.
 *
 * @since 0.1.0
 */
public enum ConcentratorCommand {
    /** C1, §3.2 "Get Capabilities". */
    GET_CAPABILITIES("getCapabilities", "C1", IQ.Type.get, false),
    /** C2, §3.3 "Get All Data Sources". */
    GET_ALL_DATA_SOURCES("getAllDataSources", "C2", IQ.Type.get, false),
    /** C2, §3.3 "Get Root Data Sources". */
    GET_ROOT_DATA_SOURCES("getRootDataSources", "C2", IQ.Type.get, false),
    /** C2, §3.3 "Get Child Data Sources". */
    GET_CHILD_DATA_SOURCES("getChildDataSources", "C2", IQ.Type.get, false, "sourceId"),
    /** C3, §3.4 "Subscribe to data source events". */
    SUBSCRIBE("subscribe", "C3", IQ.Type.set, false, "sourceId"),
    /** C4, §3.4 "Unsubscribe to data source events". */
    UNSUBSCRIBE("unsubscribe", "C4", IQ.Type.set, false, "sourceId"),
    /** C5, §3.5 "Contains Node". */
    CONTAINS_NODE("containsNode", "C5", IQ.Type.get, false, "nodeId"),
    /** C6, §3.5 "Contains Nodes". */
    CONTAINS_NODES("containsNodes", "C6", IQ.Type.get, false),
    /** C7, §3.6 "Get Node". */
    GET_NODE("getNode", "C7", IQ.Type.get, false, "nodeId"),
    /** C8, §3.6 "Get Nodes". */
    GET_NODES("getNodes", "C8", IQ.Type.get, false),
    /** C9, §3.7 "Get All Nodes". */
    GET_ALL_NODES("getAllNodes", "C9", IQ.Type.get, false, "sourceId"),
    /** C10, §3.7 "Get Node Inheritance". */
    GET_NODE_INHERITANCE("getNodeInheritance", "C10", IQ.Type.get, false, "nodeId"),
    /** C11, §3.7 "Get Root Nodes". */
    GET_ROOT_NODES("getRootNodes", "C11", IQ.Type.get, false, "sourceId"),
    /** C11, §3.7 "Get Child Nodes". */
    GET_CHILD_NODES("getChildNodes", "C11", IQ.Type.get, false, "nodeId"),
    /** C12, §3.7 "Get Indices of Data Source". */
    GET_INDICES("getIndices", "C12", IQ.Type.get, false, "sourceId"),
    /** C12, §3.7 "Get Nodes from index". */
    GET_NODES_FROM_INDEX("getNodesFromIndex", "C12", IQ.Type.get, false, "sourceId", "index", "indexValue"),
    /** C12, §3.7 "Get Nodes from indices". */
    GET_NODES_FROM_INDICES("getNodesFromIndices", "C12", IQ.Type.get, false),
    /** C12, §3.7 "Get All Index Values". */
    GET_ALL_INDEX_VALUES("getAllIndexValues", "C12", IQ.Type.get, false, "sourceId", "index"),
    /** C13, §3.7 "Get Node Ancestors". */
    GET_ANCESTORS("getAncestors", "C13", IQ.Type.get, false, "nodeId"),
    /** C14, §3.7 "Move Node Up". */
    MOVE_NODE_UP("moveNodeUp", "C14", IQ.Type.set, false, "nodeId"),
    /** C14, §3.7 "Move Node Down". */
    MOVE_NODE_DOWN("moveNodeDown", "C14", IQ.Type.set, false, "nodeId"),
    /** C14, §3.7 "Move Nodes Up". */
    MOVE_NODES_UP("moveNodesUp", "C14", IQ.Type.set, false),
    /** C14, §3.7 "Move Nodes Down". */
    MOVE_NODES_DOWN("moveNodesDown", "C14", IQ.Type.set, false),
    /** C15, §3.9 "Get Node Parameters for editing". */
    GET_NODE_PARAMETERS_FOR_EDIT("getNodeParametersForEdit", "C15", IQ.Type.get, false, "nodeId"),
    /** C15, §3.9 "Set Node Parameters after editing". */
    SET_NODE_PARAMETERS_AFTER_EDIT("setNodeParametersAfterEdit", "C15", IQ.Type.set, true, "nodeId"),
    /** C16, §3.9 "Get Common Node Parameters for editing". */
    GET_COMMON_NODE_PARAMETERS_FOR_EDIT("getCommonNodeParametersForEdit", "C16", IQ.Type.get, false),
    /** C16, §3.9 "Set Common Node Parameters after editing". */
    SET_COMMON_NODE_PARAMETERS_AFTER_EDIT("setCommonNodeParametersAfterEdit", "C16", IQ.Type.set, true),
    /** C17, §3.11 "Get Addable Node Types". */
    GET_ADDABLE_NODE_TYPES("getAddableNodeTypes", "C17", IQ.Type.get, false, "nodeId"),
    /** C17, §3.11 "Get Parameters for New Node". */
    GET_PARAMETERS_FOR_NEW_NODE("getParametersForNewNode", "C17", IQ.Type.get, false, "nodeId", "type"),
    /** C17, §3.11 "Create New Node". */
    CREATE_NEW_NODE("createNewNode", "C17", IQ.Type.set, true, "nodeId", "type"),
    /** C17, §3.11 "Destroy Node". */
    DESTROY_NODE("destroyNode", "C17", IQ.Type.set, false, "nodeId"),
    /** C18, §3.12 "Get Node Commands". */
    GET_NODE_COMMANDS("getNodeCommands", "C18", IQ.Type.get, false, "nodeId"),
    /** C18, §3.12 "Get Command Parameters". */
    GET_COMMAND_PARAMETERS("getCommandParameters", "C18", IQ.Type.get, false, "nodeId", "command"),
    /** C18, §3.12 "Execute Node Command". */
    EXECUTE_NODE_COMMAND("executeNodeCommand", "C18", IQ.Type.set, false, "nodeId", "command"),
    /** C19, §3.12 "Execute Node Query". */
    EXECUTE_NODE_QUERY("executeNodeQuery", "C19", IQ.Type.set, false, "nodeId", "command"),
    /** C19, §3.12 "Abort Node Query". */
    ABORT_NODE_QUERY("abortNodeQuery", "C19", IQ.Type.set, false, "nodeId", "queryId"),
    /** C20, §3.13 "Get Common Node Commands". */
    GET_COMMON_NODE_COMMANDS("getCommonNodeCommands", "C20", IQ.Type.get, false),
    /** C20, §3.13 "Get Common Command Parameters". */
    GET_COMMON_COMMAND_PARAMETERS("getCommonCommandParameters", "C20", IQ.Type.get, false, "command"),
    /** C20, §3.13 "Execute Common Node Command". */
    EXECUTE_COMMON_NODE_COMMAND("executeCommonNodeCommand", "C20", IQ.Type.set, false, "command"),
    /** C20, §3.13 "Execute Common Node Query". */
    EXECUTE_COMMON_NODE_QUERY("executeCommonNodeQuery", "C20", IQ.Type.set, false, "command"),
    /** C20, §3.13 "Abort Common Node Query". */
    ABORT_COMMON_NODE_QUERY("abortCommonNodeQuery", "C20", IQ.Type.set, false, "queryId"),
    /** C21, §3.14 "Get Databases". */
    GET_DATABASES("getDatabases", "C21", IQ.Type.get, false),
    /** C21, §3.14 "Get Database Readout Parameters". */
    GET_DATABASE_READOUT_PARAMETERS("getDatabaseReadoutParameters", "C21", IQ.Type.get, false, "databaseId"),
    /** C21, §3.14 "Start Database Readout". */
    START_DATABASE_READOUT("startDatabaseReadout", "C21", IQ.Type.set, true, "databaseId", "seqnr");

    /** Suffix of every response element name. */
    public static final String RESPONSE_SUFFIX = "Response";

    private final String element;
    private final String row;
    private final IQ.Type iqType;
    private final boolean formRequired;
    private final List<String> required;

    ConcentratorCommand(String element, String row, IQ.Type iqType, boolean formRequired, String... required) {
        this.element = element;
        this.row = row;
        this.iqType = iqType;
        this.formRequired = formRequired;
        this.required = List.of(required);
    }

    /** @return the request element name */
    public String element() {
        return element;
    }

    /** @return the response element name ({@code element() + "Response"}) */
    public String responseElement() {
        return element + RESPONSE_SUFFIX;
    }

    /** @return the CHECKLIST §6.1 row, for example {@code C7} */
    public String row() {
        return row;
    }

    /** @return the IQ type the XEP's examples use; the server accepts both get and set */
    public IQ.Type iqType() {
        return iqType;
    }

    /** @return whether the request must carry a data form */
    public boolean formRequired() {
        return formRequired;
    }

    /** @return the attributes the request must carry */
    public List<String> requiredAttributes() {
        return required;
    }

    /**
     * Looks a command up by request element name.
     *
     * @param element the element name
     * @return the command, empty if XEP-0326 defines no such request
     */
    public static Optional<ConcentratorCommand> fromElement(String element) {
        for (ConcentratorCommand c : values()) {
            if (c.element.equals(element)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Looks a command up by response element name.
     *
     * @param element the response element name
     * @return the command, empty if XEP-0326 defines no such response
     */
    public static Optional<ConcentratorCommand> fromResponseElement(String element) {
        if (element == null || !element.endsWith(RESPONSE_SUFFIX)) {
            return Optional.empty();
        }
        return fromElement(element.substring(0, element.length() - RESPONSE_SUFFIX.length()));
    }
}
