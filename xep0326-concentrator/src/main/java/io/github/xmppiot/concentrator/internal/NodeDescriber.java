package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.util.List;
import java.util.Optional;

/** Turns {@link TreeNode}s into XEP-0326 NodeInformation (XEP-0326 §3.8). */
public final class NodeDescriber {

    private final NodeTree tree;

    /**
     * Describes nodes of a tree.
     *
     * @param tree the tree
     */
    public NodeDescriber(NodeTree tree) {
        this.tree = tree;
    }

    /**
     * The NodeInformation of a node.
     *
     * @param node       the node
     * @param parameters whether to include node parameters
     * @param messages   whether to include node messages
     * @return the description
     */
    public NodeInformation describe(TreeNode node, boolean parameters, boolean messages) {
        Optional<NodeType> type = tree.type(node.type());
        Optional<Thing> thing = tree.thing(node.nodeId());
        NodeInformation.Builder b = NodeInformation.builder(node.nodeId())
                .nodeType(node.type())
                .displayName(type.map(NodeType::name).orElse(null))
                .state(node.state())
                .hasChildren(!tree.children(node.nodeId()).isEmpty())
                .childrenOrdered(Boolean.TRUE)
                .readable(thing.map(Thing::isReadable).orElse(false))
                .controllable(thing.map(Thing::isControllable).orElse(false))
                .hasCommands(type.map(t -> !t.commands().isEmpty()).orElse(false))
                .parent(node.parentId(), null)
                .lastChanged(node.lastChanged());
        if (parameters) {
            b.parameter(new NodeParameter(Forms.ID_FIELD, "Node ID", new StringValue(node.nodeId())));
            b.parameter(new NodeParameter(
                    "type",
                    "Node Type",
                    new StringValue(type.map(NodeType::name).orElse(node.type()))));
            for (NodeParameterSpec s : type.map(NodeType::parameters).orElse(List.of())) {
                Value v = node.configuration().get(s.id());
                if (v != null && NodeParameter.TYPES.contains(v.type())) {
                    b.parameter(new NodeParameter(s.id(), stripColon(s.label()), v));
                }
            }
        }
        if (messages) {
            node.messages().forEach(b::message);
        }
        return b.build();
    }

    private static String stripColon(String label) {
        return label.endsWith(":") ? label.substring(0, label.length() - 1) : label;
    }
}
