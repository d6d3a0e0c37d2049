package io.github.xmppiot.discovery;

import org.jxmpp.jid.Jid;

/**
 * The registry's answer to a registration (XEP-0347 §3.6): registered, or already claimed by an owner (the Thing
 * then switches to the claimed state and need not register again).
 *
 * @since 0.1.0
 */
public sealed interface RegistrationResult {

    /** The registration was stored; the Thing waits to be claimed. */
    record Registered() implements RegistrationResult {}

    /**
     * The Thing was already claimed; nothing was changed.
     *
     * @param owner the owner
     */
    record AlreadyClaimed(Jid owner) implements RegistrationResult {}
}
