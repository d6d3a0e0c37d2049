package io.github.xmppiot.concentrator.request;

import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.DataSource;
import io.github.xmppiot.concentrator.element.Database;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeResult;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * The typed content of a XEP-0326 response with {@code result='OK'} (XEP-0326 §3 "Response codes"); each
 * {@link Request} names the one it is answered with. Failures never become replies: they fail the request with
 * {@link io.github.xmppiot.concentrator.ConcentratorException}.
 *
 * @since 0.1.0
 */
public sealed interface Reply {

    /**
     * The commands a concentrator supports ({@code getCapabilitiesResponse}, XEP-0326 §3.2).
     *
     * @param commands the request element names
     */
    record Capabilities(List<String> commands) implements Reply {
        /** Copies the list. */
        public Capabilities {
            commands = List.copyOf(commands);
        }
    }

    /**
     * Data sources ({@code get…DataSourcesResponse}, XEP-0326 §3.3).
     *
     * @param sources the data sources
     */
    record DataSources(List<DataSource> sources) implements Reply {
        /** Copies the list. */
        public DataSources {
            sources = List.copyOf(sources);
        }
    }

    /**
     * Whether a node exists ({@code containsNodeResponse}, XEP-0326 §3.5).
     *
     * @param contained true if the concentrator has the node
     */
    record Contains(boolean contained) implements Reply {}

    /**
     * Whether each node exists, in request order ({@code containsNodesResponse}, XEP-0326 §3.5).
     *
     * @param contained one value per requested node
     */
    record ContainsEach(List<Boolean> contained) implements Reply {
        /** Copies the list. */
        public ContainsEach {
            contained = List.copyOf(contained);
        }
    }

    /**
     * One node ({@code getNodeResponse}, XEP-0326 §3.6).
     *
     * @param node the node
     */
    record Node(NodeInformation node) implements Reply {
        /** Checks the value. */
        public Node {
            Objects.requireNonNull(node, "node");
        }
    }

    /**
     * Nodes ({@code getNodesResponse}, {@code get…NodesResponse}, {@code getAncestorsResponse}, XEP-0326 §3.6, §3.7;
     * the nodes set by {@code setNodeParametersAfterEdit} and created by {@code createNewNode}, §3.9, §3.11).
     *
     * @param nodes the nodes, in the concentrator's order
     */
    record Nodes(List<NodeInformation> nodes) implements Reply {
        /** Copies the list. */
        public Nodes {
            nodes = List.copyOf(nodes);
        }

        /**
         * The first node, as {@code setNodeParametersAfterEdit} and {@code createNewNode} answer with one.
         *
         * @return the first node
         * @throws IllegalStateException if there is none
         */
        public NodeInformation first() {
            if (nodes.isEmpty()) {
                throw new IllegalStateException("response without a node");
            }
            return nodes.get(0);
        }
    }

    /**
     * The class hierarchy of a node ({@code getNodeInheritanceResponse}, XEP-0326 §3.7).
     *
     * @param baseClasses the base classes, most specific first
     * @param interfaces  the interfaces, empty if none were sent
     */
    record Inheritance(List<String> baseClasses, List<String> interfaces) implements Reply {
        /** Copies the lists. */
        public Inheritance {
            baseClasses = List.copyOf(baseClasses);
            interfaces = List.copyOf(interfaces);
        }
    }

    /**
     * Strings: index names ({@code getIndicesResponse}) or index values ({@code getAllIndexValuesResponse}),
     * XEP-0326 §3.7.
     *
     * @param values the values
     */
    record Values(List<String> values) implements Reply {
        /** Copies the list. */
        public Values {
            values = List.copyOf(values);
        }
    }

    /**
     * A parameter form (XEP-0326 §3.9, §3.11, §3.12, §3.13, §3.14).
     *
     * @param form the data form
     */
    record Form(DataForm form) implements Reply {
        /** Checks the value. */
        public Form {
            Objects.requireNonNull(form, "form");
        }
    }

    /**
     * The node types that may be created under a node ({@code getAddableNodeTypesResponse}, XEP-0326 §3.11).
     *
     * @param types the types
     */
    record NodeTypes(List<AddableNodeType> types) implements Reply {
        /** Copies the list. */
        public NodeTypes {
            types = List.copyOf(types);
        }
    }

    /**
     * Node commands ({@code getNodeCommandsResponse}, {@code getCommonNodeCommandsResponse}, XEP-0326 §3.12, §3.13).
     *
     * @param commands the commands
     */
    record Commands(List<NodeCommand> commands) implements Reply {
        /** Copies the list. */
        public Commands {
            commands = List.copyOf(commands);
        }
    }

    /** A request that answers nothing but {@code OK} (moves, destroy, simple commands, subscriptions). */
    record Done() implements Reply {}

    /**
     * The per-node outcome of {@code executeCommonNodeCommand} (XEP-0326 §3.13, CHECKLIST 326-14).
     *
     * @param results one result per requested node, in request order
     */
    record NodeResults(List<NodeResult> results) implements Reply {
        /** Copies the list. */
        public NodeResults {
            results = List.copyOf(results);
        }
    }

    /**
     * A started query ({@code executeNodeQueryResponse}, {@code executeCommonNodeQueryResponse}, XEP-0326 §3.12,
     * §3.13); its results come as {@code queryProgress} messages (§3.15).
     *
     * @param queryId the query id
     * @param results per-node outcome of a batch query, in request order (empty for a single-node query)
     */
    record QueryStarted(String queryId, List<NodeResult> results) implements Reply {
        /** Checks and copies the values. */
        public QueryStarted {
            Objects.requireNonNull(queryId, "queryId");
            results = List.copyOf(results);
        }
    }

    /**
     * Databases ({@code getDatabasesResponse}, XEP-0326 §3.14).
     *
     * @param databases the databases
     */
    record Databases(List<Database> databases) implements Reply {
        /** Copies the list. */
        public Databases {
            databases = List.copyOf(databases);
        }
    }

    /** The one {@link Done}. */
    Done DONE = new Done();
}
