package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import java.util.List;
import java.util.Objects;

/**
 * An owner's rule on the provisioning server (XEP-0324 §3.3, §3.4): {@code principal} may read (or control) the
 * listed nodes of {@code thing}, and of those only the listed fields (or parameters). Empty lists mean "all".
 *
 * @param thing     the Thing's bare JID
 * @param kind      read or control
 * @param principal who: a bare JID, or {@code token:} followed by a service, device or user token
 * @param nodes     the nodes allowed (empty: all)
 * @param names     the field or parameter names allowed (empty: all)
 * @since 0.1.0
 */
public record Rule(String thing, AccessRequest.Kind kind, String principal, List<NodeRef> nodes, List<String> names) {

    /** Prefix of principals that are tokens rather than JIDs. */
    public static final String TOKEN_PREFIX = "token:";

    /**
     * Copies the lists.
     */
    public Rule {
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principal, "principal");
        nodes = List.copyOf(nodes);
        names = List.copyOf(names);
    }
}
