package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.ConcentratorResponseBuilder;
import io.github.xmppiot.concentrator.element.DataSource;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeParameter;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.element.SortOrder;
import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The read-only commands of XEP-0326 (C1, C2, C5–C11, C13): capabilities, data sources, existence, node information,
 * inheritance and navigation.
 */
public final class NodeQueries {

    private final NodeTree tree;
    private final NodeDescriber describer;
    private final List<String> capabilities;

    /**
     * Creates the handlers.
     *
     * @param tree         the tree
     * @param capabilities the supported command names, for {@code getCapabilities}
     */
    public NodeQueries(NodeTree tree, List<String> capabilities) {
        this.tree = tree;
        this.describer = new NodeDescriber(tree);
        this.capabilities = List.copyOf(capabilities);
    }

    /**
     * Resolves a request's node reference in the tree.
     *
     * @param tree the tree
     * @param ref  the reference
     * @return the node, empty if the source or node is unknown
     */
    public static Optional<TreeNode> resolve(NodeTree tree, NodeRef ref) {
        if (ref == null || (ref.sourceId() != null && !NodeTree.SOURCE_ID.equals(ref.sourceId()))) {
            return Optional.empty();
        }
        return tree.get(ref.nodeId());
    }

    /**
     * A failure response.
     *
     * @param c    the command
     * @param code the code
     * @param text the error text
     * @return the response
     */
    public static ConcentratorResponse fail(ConcentratorCommand c, ResultCode code, String text) {
        return ConcentratorResponse.builder(c, code).errorText(text).build();
    }

    /**
     * Handles a read-only command.
     *
     * @param r the request
     * @return the response, empty if the command is not one of these
     */
    public Optional<ConcentratorResponse> handle(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        boolean p = r.flag("parameters", false);
        boolean m = r.flag("messages", false);
        switch (c) {
            case GET_CAPABILITIES:
                return ok(ConcentratorResponse.builder(c, ResultCode.OK).values(capabilities));
            case GET_ALL_DATA_SOURCES:
            case GET_ROOT_DATA_SOURCES:
                return ok(ConcentratorResponse.builder(c, ResultCode.OK)
                        .dataSource(new DataSource(
                                NodeTree.SOURCE_ID,
                                "Topology",
                                false,
                                tree.get(tree.rootId()).get().lastChanged())));
            case GET_CHILD_DATA_SOURCES:
                if (!NodeTree.SOURCE_ID.equals(r.sourceId().orElse(null))) {
                    return Optional.of(fail(c, ResultCode.NOT_FOUND, "unknown data source"));
                }
                return ok(ConcentratorResponse.builder(c, ResultCode.OK));
            case CONTAINS_NODE:
                return ok(ConcentratorResponse.builder(c, ResultCode.OK)
                        .text(Boolean.toString(
                                resolve(tree, r.nodeRef().orElse(null)).isPresent())));
            case CONTAINS_NODES: {
                var b = ConcentratorResponse.builder(c, ResultCode.OK);
                r.nodes().forEach(n -> b.value(Boolean.toString(resolve(tree, n).isPresent())));
                return ok(b);
            }
            case GET_NODE: {
                Optional<TreeNode> n = resolve(tree, r.nodeRef().orElse(null));
                return Optional.of(n.map(x -> ConcentratorResponse.builder(c, ResultCode.OK)
                                .node(describer.describe(x, p, m))
                                .build())
                        .orElseGet(() -> fail(c, ResultCode.NOT_FOUND, "unknown node")));
            }
            case GET_NODES: {
                List<NodeInformation> out = new ArrayList<>();
                for (NodeRef ref : r.addressedNodes()) {
                    Optional<TreeNode> n = resolve(tree, ref);
                    if (n.isEmpty()) {
                        return Optional.of(fail(c, ResultCode.NOT_FOUND, "unknown node " + ref.nodeId()));
                    }
                    out.add(describer.describe(n.get(), p, m));
                }
                return ok(ConcentratorResponse.builder(c, ResultCode.OK).nodes(out));
            }
            case GET_ALL_NODES:
            case GET_ROOT_NODES: {
                if (!NodeTree.SOURCE_ID.equals(r.sourceId().orElse(null))) {
                    return Optional.of(fail(c, ResultCode.NOT_FOUND, "unknown data source"));
                }
                List<TreeNode> nodes = c == ConcentratorCommand.GET_ROOT_NODES ? tree.roots() : tree.all();
                List<NodeInformation> out = new ArrayList<>(nodes.size());
                for (TreeNode n : nodes) {
                    if (derivedFrom(n, r.onlyIfDerivedFrom())) {
                        out.add(describer.describe(n, p, m));
                    }
                }
                return ok(ConcentratorResponse.builder(c, ResultCode.OK).nodes(out));
            }
            case GET_CHILD_NODES:
            case GET_ANCESTORS: {
                Optional<TreeNode> n = resolve(tree, r.nodeRef().orElse(null));
                if (n.isEmpty()) {
                    return Optional.of(fail(c, ResultCode.NOT_FOUND, "unknown node"));
                }
                List<TreeNode> list = c == ConcentratorCommand.GET_ANCESTORS
                        ? tree.ancestors(n.get().nodeId())
                        : tree.children(n.get().nodeId());
                List<NodeInformation> out = new ArrayList<>();
                list.forEach(
                        x -> out.add(describer.describe(x, p || !r.sortOrders().isEmpty(), m)));
                if (!r.sortOrders().isEmpty()) {
                    out.sort(comparator(r.sortOrders()));
                    if (!p) {
                        out.replaceAll(x -> x.toBuilder().clearParameters().build());
                    }
                }
                return ok(ConcentratorResponse.builder(c, ResultCode.OK).nodes(out));
            }
            case GET_NODE_INHERITANCE: {
                Optional<TreeNode> n = resolve(tree, r.nodeRef().orElse(null));
                if (n.isEmpty()) {
                    return Optional.of(fail(c, ResultCode.NOT_FOUND, "unknown node"));
                }
                return ok(ConcentratorResponse.builder(c, ResultCode.OK)
                        .baseClasses(tree.type(n.get().type())
                                .map(NodeType::baseClasses)
                                .orElse(List.of())));
            }
            default:
                return Optional.empty();
        }
    }

    private boolean derivedFrom(TreeNode n, List<String> filter) {
        if (filter.isEmpty()) {
            return true;
        }
        List<String> chain = new ArrayList<>();
        chain.add(n.type());
        tree.type(n.type()).ifPresent(t -> chain.addAll(t.baseClasses()));
        return filter.stream().anyMatch(chain::contains);
    }

    private static Comparator<NodeInformation> comparator(List<SortOrder> orders) {
        Comparator<NodeInformation> cmp = (a, b) -> 0;
        for (SortOrder o : orders) {
            Comparator<NodeInformation> one = Comparator.comparing(
                    n -> lexical(n, o.parameterName()), Comparator.nullsLast(Comparator.naturalOrder()));
            cmp = cmp.thenComparing(o.isAscending() ? one : one.reversed());
        }
        return cmp;
    }

    private static String lexical(NodeInformation n, String id) {
        return n.parameters().stream()
                .filter(x -> x.id().equals(id))
                .map(NodeParameter::value)
                .map(v -> v.lexical())
                .findFirst()
                .orElse(null);
    }

    private static Optional<ConcentratorResponse> ok(ConcentratorResponseBuilder b) {
        return Optional.of(b.build());
    }
}
