package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.NodeRef;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How {@link JdbcProvisioningStore} writes the node and name lists of a {@link Rule} into one column each. */
final class RuleCodec {

    private RuleCodec() {}

    static String encodeNodes(List<NodeRef> nodes) {
        List<String> parts = new ArrayList<>();
        for (NodeRef n : nodes) {
            parts.add(enc(n.nodeId()) + ":" + enc(n.sourceId() == null ? "" : n.sourceId()) + ":"
                    + enc(n.cacheType() == null ? "" : n.cacheType()));
        }
        return String.join(",", parts);
    }

    static List<NodeRef> decodeNodes(String s) {
        List<NodeRef> out = new ArrayList<>();
        for (String part : decodeRaw(s)) {
            String[] t = part.split(":", -1);
            out.add(new NodeRef(dec(t[0]), dec(t[1]), dec(t[2])));
        }
        return out;
    }

    static String encode(List<String> names) {
        return String.join(",", names.stream().map(RuleCodec::enc).toList());
    }

    static List<String> decode(String s) {
        return decodeRaw(s).stream().map(RuleCodec::dec).toList();
    }

    static List<String> decodeRaw(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
