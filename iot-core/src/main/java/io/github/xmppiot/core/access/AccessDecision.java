package io.github.xmppiot.core.access;

import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Set;

/**
 * The answer of an {@link AccessPolicy}: denied, allowed as asked, or allowed for fewer nodes and names (XEP-0324 §3.3:
 * a node list or field list in the answer narrows the read-out; §3.4 the same for control, and the requester is told).
 *
 * @param allowed whether anything is allowed
 * @param nodes   the nodes allowed; empty means every requested node
 * @param names   the field or parameter names allowed; empty means every requested name
 * @since 0.1.0
 */
public record AccessDecision(boolean allowed, List<NodeRef> nodes, Set<String> names) {

    private static final AccessDecision DENY = new AccessDecision(false, List.of(), Set.of());
    private static final AccessDecision ALLOW = new AccessDecision(true, List.of(), Set.of());

    /**
     * Copies the collections.
     */
    public AccessDecision {
        nodes = List.copyOf(nodes);
        names = Set.copyOf(names);
    }

    /** @return the decision that refuses ({@code cancel/forbidden}) */
    public static AccessDecision deny() {
        return DENY;
    }

    /** @return the decision that allows the request as asked */
    public static AccessDecision allowAll() {
        return ALLOW;
    }

    /**
     * Allows only some nodes and names.
     *
     * @param nodes nodes allowed (empty: as requested)
     * @param names names allowed (empty: as requested)
     * @return the decision
     */
    public static AccessDecision allowOnly(List<NodeRef> nodes, Set<String> names) {
        return new AccessDecision(true, nodes, names);
    }

    /** @return whether the decision narrows the request */
    public boolean isNarrowed() {
        return allowed && (!nodes.isEmpty() || !names.isEmpty());
    }

    /**
     * Whether a node is allowed.
     *
     * @param node a concrete node
     * @return true if allowed
     */
    public boolean allowsNode(NodeRef node) {
        if (!allowed) {
            return false;
        }
        if (nodes.isEmpty()) {
            return true;
        }
        for (NodeRef n : nodes) {
            if (n.matches(node)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a field or parameter name is allowed.
     *
     * @param name the name
     * @return true if allowed
     */
    public boolean allowsName(String name) {
        return allowed && (names.isEmpty() || names.contains(name));
    }
}
