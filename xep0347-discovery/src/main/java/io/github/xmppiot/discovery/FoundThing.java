package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * One Thing in a search result, {@code <found><thing owner='..' jid='..' [node attributes]>tags</thing></found>}
 * (XEP-0347 §3.15). Never carries the {@code KEY} tag when produced by a conforming registry.
 *
 * @param owner the owner's JID; for a self-owned Thing this registry reports the Thing's own JID (XEP-0347 leaves it
 *              undefined, CHECKLIST §9.5)
 * @param jid   the Thing's (or its concentrator's) JID
 * @param node  the node behind a concentrator, or null for a stand-alone Thing (XEP-0347 §3.8)
 * @param tags  the public meta tags, in the registry's order
 * @since 0.1.0
 */
public record FoundThing(Jid owner, Jid jid, NodeRef node, List<MetaTag> tags) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if owner, jid or tags is null
     */
    public FoundThing {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(jid, "jid");
        tags = List.copyOf(tags);
    }

    /**
     * The node behind a concentrator, if any.
     *
     * @return the node
     */
    public Optional<NodeRef> nodeRef() {
        return Optional.ofNullable(node);
    }

    /**
     * The tag with a name, compared case-insensitively.
     *
     * @param name the tag name
     * @return the tag if present
     */
    public Optional<MetaTag> tag(String name) {
        return tags.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
