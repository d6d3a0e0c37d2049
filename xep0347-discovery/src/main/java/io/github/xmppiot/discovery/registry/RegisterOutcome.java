package io.github.xmppiot.discovery.registry;

import org.jxmpp.jid.BareJid;

/**
 * What a registration did (XEP-0347 §3.6): the record was stored, or the Thing is already claimed and nothing changed.
 *
 * @since 0.1.0
 */
public sealed interface RegisterOutcome {

    /**
     * The record was created or replaced; answered with an empty result.
     *
     * @param record the stored record
     */
    record Registered(ThingRecord record) implements RegisterOutcome {}

    /**
     * The Thing is already claimed; answered with {@code <claimed jid=owner/>}.
     *
     * @param owner the owner
     */
    record AlreadyClaimed(BareJid owner) implements RegisterOutcome {}
}
