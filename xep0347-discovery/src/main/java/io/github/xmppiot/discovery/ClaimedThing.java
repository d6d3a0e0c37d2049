package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * The Thing an owner just claimed (XEP-0347 §3.9, the registry's {@code claimed} answer): where to reach it.
 *
 * @param jid      the Thing's (or its concentrator's) JID
 * @param node     the node behind a concentrator, or null
 * @param isPublic whether it was claimed as public
 * @since 0.1.0
 */
public record ClaimedThing(Jid jid, NodeRef node, boolean isPublic) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if jid is null
     */
    public ClaimedThing {
        Objects.requireNonNull(jid, "jid");
    }
}
