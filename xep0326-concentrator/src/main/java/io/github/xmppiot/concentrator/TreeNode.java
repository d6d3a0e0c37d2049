package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.NodeMessage;
import io.github.xmppiot.concentrator.element.NodeState;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one node of a {@link NodeTree} (XEP-0326 §3.7 "Nodes"): its id, type, parent, configuration,
 * state and messages.
 *
 * @param nodeId        the node id
 * @param type          the node type ({@link NodeType#type()}, or {@link NodeTree#ROOT_TYPE} for the root)
 * @param parentId      the parent's id, null for a root node
 * @param configuration the configuration values, in declaration order
 * @param state         the node state
 * @param messages      the node's event log
 * @param lastChanged   when the node last changed
 * @since 0.1.0
 */
public record TreeNode(
        String nodeId,
        String type,
        String parentId,
        Map<String, Value> configuration,
        NodeState state,
        List<NodeMessage> messages,
        DateTimeValue lastChanged) {

    /** Copies the collections. */
    public TreeNode {
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        messages = List.copyOf(messages);
    }

    /** @return the node's reference in the {@link NodeTree#SOURCE_ID} data source */
    public NodeRef ref() {
        return NodeRef.of(nodeId, NodeTree.SOURCE_ID);
    }

    TreeNode withConfiguration(String id, Map<String, Value> config, DateTimeValue now) {
        return new TreeNode(id, type, parentId, config, state, messages, now);
    }

    TreeNode withParent(String parent) {
        return new TreeNode(nodeId, type, parent, configuration, state, messages, lastChanged);
    }

    TreeNode withState(NodeState s, List<NodeMessage> m, DateTimeValue now) {
        return new TreeNode(nodeId, type, parentId, configuration, s, m, now);
    }
}
