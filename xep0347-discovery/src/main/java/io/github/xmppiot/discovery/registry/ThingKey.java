package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.NodeRef;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.BareJid;

/**
 * The identity of a registry record: the resource-less JID of the Thing (or its concentrator) and, for a Thing behind
 * a concentrator, the node triple (XEP-0347 §3.6, §3.8). A registry keeps one record per key.
 *
 * @param jid  the bare JID
 * @param node the node, or null for a stand-alone Thing
 * @since 0.1.0
 */
public record ThingKey(BareJid jid, NodeRef node) {

    /**
     * Validates the key.
     *
     * @throws NullPointerException if jid is null
     */
    public ThingKey {
        Objects.requireNonNull(jid, "jid");
    }

    /**
     * The node, if any.
     *
     * @return the node behind a concentrator
     */
    public Optional<NodeRef> nodeRef() {
        return Optional.ofNullable(node);
    }

    @Override
    public String toString() {
        return node == null ? jid.toString() : jid + "#" + node;
    }
}
