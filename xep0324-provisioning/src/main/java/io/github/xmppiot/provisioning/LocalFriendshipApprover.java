package io.github.xmppiot.provisioning;

import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.BareJid;

/**
 * Approves friendships locally on a provisioned Thing (XEP-0324 §3.1.4 "Delegating Secondary Trust"), for example by
 * a button pressed while an LED blinks. It is consulted only for friendship requests the provisioning servers
 * rejected, and only while a trusted server allows secondary trust ({@link SecondaryTrust#isAllowed()}); otherwise
 * the servers' answer is final.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LocalFriendshipApprover {

    /**
     * Decides a friendship request the provisioning servers did not approve. Called on a background thread, never on
     * Smack's reader thread; may take as long as the user interaction needs.
     *
     * @param requester the bare JID asking for friendship
     * @return true to accept the friendship, false to reject it
     */
    CompletionStage<Boolean> approve(BareJid requester);
}
