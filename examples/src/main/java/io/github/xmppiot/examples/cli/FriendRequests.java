package io.github.xmppiot.examples.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jxmpp.jid.BareJid;

/**
 * How {@code thing} and {@code hub} answer friend requests (presence subscriptions, RFC 6121 §3) when no provisioning
 * server decides: a request from an {@code --allow} JID (or the owner) is accepted, with a request back so that the
 * friendship is mutual (XEP-0324 §3.2), as is one from a contact the device asked first (such as its registry); any
 * other request stays pending for the owner, and the device says how to accept it ({@code xmpp-iot accept}).
 */
final class FriendRequests {

    private FriendRequests() {}

    /**
     * Installs the answering; call before login, so that requests the server delivers at login are seen.
     *
     * @param connection the device's connection
     * @param allowed    who is accepted; read at each request (the owner may be added later)
     * @param out        where the device reports requests
     */
    static void install(XMPPConnection connection, Set<BareJid> allowed, PrintWriter out) {
        Roster roster = Roster.getInstanceFor(connection);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.addSubscribeListener((from, presence) -> {
            BareJid who = from.asBareJid();
            if (allowed.contains(who)) {
                report(out, "accepted the friend request of " + who + " (--allow)");
                return SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
            }
            RosterEntry entry = roster.getEntry(who);
            if (entry != null && (entry.canSeeHisPresence() || entry.isSubscriptionPending())) {
                // we asked first (a registry, say): the friendship becomes mutual
                return SubscribeListener.SubscribeAnswer.Approve;
            }
            String me = connection.getUser() == null
                    ? "THIS_JID"
                    : connection.getUser().asBareJid().toString();
            report(
                    out,
                    "friend request from " + who + " is waiting: accept it with 'xmpp-iot accept " + who + " --jid "
                            + me + "', or restart with '--allow " + who + "'");
            return null;
        });
    }

    private static void report(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
