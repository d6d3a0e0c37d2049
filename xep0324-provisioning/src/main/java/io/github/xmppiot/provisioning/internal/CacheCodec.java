package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Canonical text forms of cache keys and decisions, for the persistent decision cache (not API). */
public final class CacheCodec {

    private static final String EMPTY_NAME = "%";

    private CacheCodec() {}

    /**
     * The cache key of a request: kind, requester's bare JID, tokens, nodes, names and categories, order-independent.
     *
     * @param r the request
     * @return the key
     */
    public static String key(AccessRequest r) {
        return String.join(
                "|",
                r.kind().name(),
                enc(r.requester().asBareJid().toString()),
                sorted(r.tokens().serviceTokens()),
                sorted(r.tokens().deviceTokens()),
                sorted(r.tokens().userTokens()),
                sorted(r.nodes().stream().map(CacheCodec::node).toList()),
                r.names().stream().map(CacheCodec::name).sorted().collect(Collectors.joining(",")),
                sorted(r.categories().stream().map(Enum::name).toList()));
    }

    /**
     * Encodes a decision.
     *
     * @param d the decision
     * @return the text form
     */
    public static String encode(AccessDecision d) {
        if (!d.allowed()) {
            return "D";
        }
        if (!d.isNarrowed()) {
            return "A";
        }
        return "O;" + d.nodes().stream().map(CacheCodec::node).collect(Collectors.joining(",")) + ";"
                + d.names().stream().map(CacheCodec::name).collect(Collectors.joining(","));
    }

    /**
     * Decodes a decision.
     *
     * @param s the text form
     * @return the decision
     * @throws IllegalArgumentException if the text is not a decision
     */
    public static AccessDecision decode(String s) {
        if (s.equals("D")) {
            return AccessDecision.deny();
        }
        if (s.equals("A")) {
            return AccessDecision.allowAll();
        }
        String[] parts = s.split(";", -1);
        if (parts.length != 3 || !parts[0].equals("O")) {
            throw new IllegalArgumentException("not a decision: " + s);
        }
        List<NodeRef> nodes = new ArrayList<>();
        for (String n : split(parts[1])) {
            String[] t = n.split(":", -1);
            nodes.add(new NodeRef(dec(t[0]), dec(t[1]), dec(t[2])));
        }
        Set<String> names = new HashSet<>();
        for (String n : split(parts[2])) {
            names.add(n.equals(EMPTY_NAME) ? "" : dec(n));
        }
        return AccessDecision.allowOnly(nodes, names);
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    private static String node(NodeRef n) {
        return enc(n.nodeId()) + ":" + enc(n.sourceId() == null ? "" : n.sourceId()) + ":"
                + enc(n.cacheType() == null ? "" : n.cacheType());
    }

    private static String sorted(Collection<String> values) {
        return values.stream().map(CacheCodec::enc).sorted().collect(Collectors.joining(","));
    }

    /**
     * A field or parameter name: an empty name is written {@value #EMPTY_NAME} (URL encoding never writes a lone
     * {@code %}), so that a decision or request naming only "" is not read back as one naming nothing (all names).
     */
    private static String name(String s) {
        return s.isEmpty() ? EMPTY_NAME : enc(s);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
