package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.provisioning.element.CanControlResponse;
import io.github.xmppiot.provisioning.element.CanReadResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns XEP-0324 answers into {@link AccessDecision}s and merges the answers of several provisioning servers
 * (§5.3: the most forgiving answer wins). Not API.
 */
public final class Decisions {

    private Decisions() {}

    /**
     * The decision of a {@code canReadResponse} (§3.3.1–§3.3.3).
     *
     * @param r the response
     * @return deny, allow all, or allow only the listed nodes and fields
     */
    public static AccessDecision of(CanReadResponse r) {
        return of(r.result(), r.nodes(), r.fields());
    }

    /**
     * The decision of a {@code canControlResponse} (§3.4.1–§3.4.3).
     *
     * @param r the response
     * @return deny, allow all, or allow only the listed nodes and parameters
     */
    public static AccessDecision of(CanControlResponse r) {
        return of(r.result(), r.nodes(), r.parameters());
    }

    private static AccessDecision of(boolean result, List<io.github.xmppiot.core.NodeRef> nodes, List<String> names) {
        if (!result) {
            return AccessDecision.deny();
        }
        if (nodes.isEmpty() && names.isEmpty()) {
            return AccessDecision.allowAll();
        }
        return AccessDecision.allowOnly(nodes, new HashSet<>(names));
    }

    /**
     * Merges the answers of several servers: denied only if all deny; otherwise the smallest decision that allows
     * everything any server allowed (per dimension: an unrestricted answer lifts the restriction, restricted lists
     * are united). The merge can allow a node/name combination no single server allowed when one server restricts
     * nodes and another fields; that is the price of the rectangular {@link AccessDecision} and errs on the
     * forgiving side, as §5.3 asks.
     *
     * @param decisions the individual decisions
     * @return the merged decision
     */
    public static AccessDecision mostForgiving(Collection<AccessDecision> decisions) {
        boolean any = false;
        boolean allNodes = false;
        boolean allNames = false;
        Set<io.github.xmppiot.core.NodeRef> nodes = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (AccessDecision d : decisions) {
            if (!d.allowed()) {
                continue;
            }
            any = true;
            if (d.nodes().isEmpty()) {
                allNodes = true;
            } else {
                nodes.addAll(d.nodes());
            }
            if (d.names().isEmpty()) {
                allNames = true;
            } else {
                names.addAll(d.names());
            }
        }
        if (!any) {
            return AccessDecision.deny();
        }
        if (allNodes && allNames) {
            return AccessDecision.allowAll();
        }
        return AccessDecision.allowOnly(allNodes ? List.of() : new ArrayList<>(nodes), allNames ? Set.of() : names);
    }
}
