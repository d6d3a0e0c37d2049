package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides {@code canRead} and {@code canControl} from the owner's rules (XEP-0324 §3.3, §3.4): the owner may do
 * everything; otherwise the rules of the requester's bare JID and of every token it forwarded are united (§3.1.5:
 * the most forgiving answer), then intersected with the request. If nothing requested is allowed the answer is
 * {@code false}.
 */
final class RuleEvaluator {

    /** The outcome: denied, or allowed with optional restriction lists (empty: as requested). */
    record Outcome(boolean allowed, List<NodeRef> nodes, List<String> names) {
        static final Outcome DENY = new Outcome(false, List.of(), List.of());
        static final Outcome ALL = new Outcome(true, List.of(), List.of());
    }

    private final ProvisioningStore store;

    RuleEvaluator(ProvisioningStore store) {
        this.store = store;
    }

    Outcome decide(
            String thing,
            AccessRequest.Kind kind,
            String requester,
            Tokens tokens,
            List<NodeRef> nodes,
            List<String> names)
            throws SQLException {
        Optional<String> owner = store.owner(thing);
        if (owner.isPresent() && owner.get().equals(requester)) {
            return Outcome.ALL;
        }
        Set<String> principals = new LinkedHashSet<>();
        principals.add(requester);
        for (List<String> list : List.of(tokens.serviceTokens(), tokens.deviceTokens(), tokens.userTokens())) {
            list.forEach(t -> principals.add(Rule.TOKEN_PREFIX + t));
        }
        List<Rule> rules = store.rules(thing, kind, principals);
        if (rules.isEmpty()) {
            return Outcome.DENY;
        }
        boolean allNodes = false;
        boolean allNames = false;
        Set<NodeRef> ruleNodes = new LinkedHashSet<>();
        Set<String> ruleNames = new LinkedHashSet<>();
        for (Rule r : rules) {
            allNodes |= r.nodes().isEmpty();
            allNames |= r.names().isEmpty();
            ruleNodes.addAll(r.nodes());
            ruleNames.addAll(r.names());
        }
        Optional<List<NodeRef>> n = allNodes ? Optional.of(List.of()) : restrictNodes(nodes, ruleNodes);
        Optional<List<String>> f = allNames ? Optional.of(List.of()) : restrictNames(names, ruleNames);
        if (n.isEmpty() || f.isEmpty()) {
            return Outcome.DENY;
        }
        return new Outcome(true, n.get(), f.get());
    }

    /** Empty optional: nothing requested is allowed; empty list: everything requested is allowed. */
    private static Optional<List<NodeRef>> restrictNodes(List<NodeRef> requested, Set<NodeRef> allowed) {
        if (requested.isEmpty()) {
            return Optional.of(List.copyOf(allowed));
        }
        List<NodeRef> kept = new ArrayList<>();
        for (NodeRef r : requested) {
            if (allowed.stream().anyMatch(a -> a.matches(r) || r.matches(a))) {
                kept.add(r);
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kept.size() == requested.size() ? List.of() : kept);
    }

    private static Optional<List<String>> restrictNames(List<String> requested, Set<String> allowed) {
        if (requested.isEmpty()) {
            return Optional.of(List.copyOf(allowed));
        }
        List<String> kept = requested.stream().filter(allowed::contains).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kept.size() == requested.size() ? List.of() : kept);
    }
}
