package io.github.xmppiot.provisioning;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Events of the Thing side of XEP-0324, for applications that show them (an LED, a log) and for tests that wait on
 * them. Called on a background thread; implementations must return quickly. Every method has an empty default.
 *
 * @since 0.1.0
 */
public interface ProvisioningListener {

    /**
     * The decision cache was cleared (XEP-0324 §3.5.1 {@code clearCache} from a trusted server, or §3.1.1 a new trust
     * relationship).
     *
     * @param cause the server that asked, or the newly trusted server
     */
    default void cacheCleared(Jid cause) {}

    /**
     * A presence subscription request was decided (XEP-0324 §3.2.1, §3.2.2).
     *
     * @param requester the JID that asked for friendship
     * @param accepted  whether it was accepted
     */
    default void friendshipDecided(BareJid requester, boolean accepted) {}

    /**
     * A trusted server ordered the end of a friendship (XEP-0324 §3.2.3) and it was removed.
     *
     * @param former the former friend
     */
    default void unfriended(BareJid former) {}

    /**
     * A trusted server recommended a friendship (XEP-0324 §3.2.4) and a subscription request was sent.
     *
     * @param recommended the recommended friend
     */
    default void friendRequested(BareJid recommended) {}

    /**
     * A {@code friend}, {@code unfriend} or {@code clearCache} came from a JID that is not a trusted provisioning
     * server and was ignored or refused (XEP-0324 §3.2.3, §6.1).
     *
     * @param from    the sender
     * @param element the element name
     */
    default void untrustedOrderIgnored(Jid from, String element) {}
}
