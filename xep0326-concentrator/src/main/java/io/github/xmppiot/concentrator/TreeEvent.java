package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.NodeEvent;

/**
 * A change of a {@link NodeTree}, turned into a XEP-0326 §3.4 event for subscribers and used by the hub to persist
 * its configuration.
 *
 * @param kind        what happened
 * @param node        the node after the change (before it, for a removal)
 * @param afterNodeId for an addition: the preceding sibling, null if first
 * @param oldId       for an update: the previous node id if it was renamed, else null
 * @since 0.1.0
 */
public record TreeEvent(NodeEvent.Kind kind, TreeNode node, String afterNodeId, String oldId) {}
