package io.github.xmppiot.console;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.discovery.ClaimUri;
import io.github.xmppiot.discovery.ClaimedThing;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

/**
 * The Registry page on the SDK's client side (XEP-0347 owner operations): search with operators (§3.10), claim with a
 * claim string (§3.9), remove (§3.12) and disown (§3.15). Every call to {@link OwnerDiscoveryManager} lives here.
 */
final class RegistryAdapter {

    /** Most results asked for per search page. */
    static final int PAGE = 50;

    private static final Pattern CONDITION = Pattern.compile("([^=!<>~\\s]+)\\s*(=|!=|<=|>=|<|>|~)\\s*(.*)");

    private final OwnerDiscoveryManager owner;
    private final Duration timeout;
    private final Jid defaultRegistry;

    RegistryAdapter(XMPPConnection connection, Duration timeout, Jid registry) {
        this.owner = OwnerDiscoveryManager.getInstanceFor(connection);
        this.timeout = timeout;
        this.defaultRegistry = registry;
    }

    /** Searches with conditions such as {@code MAN=example.org}, {@code V>=2}, {@code MODEL~Demo*}. */
    Map<String, Object> search(String registry, List<String> conditions, String offsetText) throws Exception {
        List<SearchOperator> ops = new ArrayList<>();
        for (String c : conditions) {
            if (!c.isBlank()) {
                ops.add(operator(c.trim()));
            }
        }
        if (ops.isEmpty()) {
            throw new ConsoleException(400, "give at least one condition, such as MAN=example.org or MODEL~*");
        }
        int offset = offsetText == null || offsetText.isBlank() ? 0 : Integer.parseInt(offsetText);
        SearchResult r = await(select(registry).search(ops, Math.max(0, offset), PAGE));
        List<Map<String, Object>> things = new ArrayList<>();
        for (FoundThing t : r.things()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jid", t.jid().toString());
            m.put("node", t.nodeRef().map(NodeRef::nodeId).orElse(""));
            m.put("owner", t.owner() == null ? "" : t.owner().toString());
            m.put(
                    "tags",
                    t.tags().stream()
                            .map(tag -> tag.name() + "=" + tag.lexicalValue())
                            .collect(Collectors.joining(" ")));
            things.add(m);
        }
        return Map.of("things", things, "more", r.more());
    }

    /** Claims a Thing with the claim string its owner was given ({@code iotdisco:...}). */
    Map<String, Object> claim(String registry, String claim, boolean isPublic) throws Exception {
        try {
            ClaimUri.decode(claim.trim());
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(
                    422, "not a claim string (" + ClaimUri.PREFIX + ";NAME:VALUE;...): " + e.getMessage(), "claim");
        }
        ClaimedThing t = await(select(registry).claim(claim.trim(), isPublic));
        return Map.of(
                "claimed",
                t.jid().toString(),
                "node",
                t.node() == null ? "" : t.node().nodeId(),
                "public",
                t.isPublic());
    }

    /** Removes a Thing from the registry (still owned), or disowns it (claimable again). */
    Map<String, Object> remove(String registry, String jid, String node, boolean disown) throws Exception {
        Jid thing = ContactsAdapter.jid(jid).asBareJid();
        NodeRef ref = node == null || node.isBlank() ? null : NodeRef.of(node);
        OwnerDiscoveryManager m = select(registry);
        await(disown ? m.disown(thing, ref) : m.remove(thing, ref));
        return Map.of(disown ? "disowned" : "removed", thing.toString());
    }

    private OwnerDiscoveryManager select(String registry) {
        synchronized (owner) {
            if (registry != null && !registry.isBlank()) {
                owner.update(b -> b.registry(ContactsAdapter.jid(registry)));
            } else if (defaultRegistry != null) {
                owner.update(b -> b.registry(defaultRegistry));
            }
            return owner;
        }
    }

    static SearchOperator operator(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw new ConsoleException(
                    422,
                    "malformed condition '" + text + "': write NAME=VALUE, NAME>=VALUE," + " NAME~MASK, ...",
                    "conditions");
        }
        String name = m.group(1);
        String value = m.group(3).trim();
        try {
            if (m.group(2).equals("~")) {
                return new StringMask(name, value, "*");
            }
            Comparison cmp = switch (m.group(2)) {
                case "=" -> Comparison.EQ;
                case "!=" -> Comparison.NEQ;
                case "<" -> Comparison.LT;
                case "<=" -> Comparison.LTEQ;
                case ">" -> Comparison.GT;
                default -> Comparison.GTEQ;
            };
            return isNumber(value) ? new NumericComparison(cmp, name, value) : new StringComparison(cmp, name, value);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(422, "condition '" + text + "': " + e.getMessage(), "conditions");
        }
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }
}
