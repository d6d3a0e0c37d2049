package io.github.xmppiot.core.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jxmpp.jid.BareJid;

/**
 * Decides whether a requester may read or control (XEP-0323 §3.10, XEP-0325 §3.8 security: "only friends";
 * XEP-0324 provisioning plugs in here). Decisions are asynchronous because a provisioning server may have to be asked;
 * implementations must not block.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessPolicy {

    /**
     * Decides on a request.
     *
     * @param request the request
     * @return the decision
     */
    CompletionStage<AccessDecision> decide(AccessRequest request);

    /**
     * The default policy: the requester's bare JID is our own account, or in our roster with a subscription that lets
     * it see our presence (we approved the friendship).
     *
     * @param connection the Thing's connection
     * @return the policy
     */
    static AccessPolicy friends(XMPPConnection connection) {
        return request -> {
            BareJid who = request.requester().asBareJid();
            if (connection.getUser() != null && who.equals(connection.getUser().asBareJid())) {
                return CompletableFuture.completedFuture(AccessDecision.allowAll());
            }
            Roster roster = Roster.getInstanceFor(connection);
            return RosterReady.of(roster).thenApply(r -> {
                RosterEntry entry = r.getEntry(who);
                return entry != null && entry.canSeeMyPresence() ? AccessDecision.allowAll() : AccessDecision.deny();
            });
        };
    }

    /**
     * Allows everyone. Insecure: an explicit opt-out for tests and closed networks only.
     *
     * @return the policy
     */
    static AccessPolicy allowEveryone() {
        return request -> CompletableFuture.completedFuture(AccessDecision.allowAll());
    }
}
