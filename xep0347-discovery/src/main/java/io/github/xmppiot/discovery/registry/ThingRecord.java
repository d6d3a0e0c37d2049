package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.meta.MetaTag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * A stored registration (XEP-0347 §3.6-§3.9): the Thing, its tags and its ownership.
 *
 * @param id        the storage's identity of the record
 * @param key       the Thing (bare JID and node)
 * @param tags      all meta tags, including {@code KEY}, in registration order
 * @param owner     the owner's bare JID, or null while the Thing is not claimed
 * @param isPublic  whether the claimed Thing is searchable
 * @param selfOwned whether the Thing registered itself as claimed (XEP-0347 §3.7)
 * @param lastSeen  the full JID the Thing (or concentrator) last sent a request from, or null; the registry sends
 *                  {@code claimed}, {@code removed} and {@code disowned} there
 * @since 0.1.0
 */
public record ThingRecord(
        long id, ThingKey key, List<MetaTag> tags, BareJid owner, boolean isPublic, boolean selfOwned, Jid lastSeen) {

    /**
     * Copies the tags.
     */
    public ThingRecord {
        Objects.requireNonNull(key, "key");
        tags = List.copyOf(tags);
    }

    /**
     * Whether the Thing is claimed (or self-owned).
     *
     * @return true if it has an owner
     */
    public boolean isClaimed() {
        return owner != null;
    }

    /**
     * The owner.
     *
     * @return the owner's bare JID, empty while not claimed
     */
    public Optional<BareJid> ownerJid() {
        return Optional.ofNullable(owner);
    }
}
