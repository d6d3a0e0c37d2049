package io.github.xmppiot.examples.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jxmpp.jid.Jid;

/**
 * Turns a JID argument into the address of a request. A full JID is used as given. For a bare JID the contact's
 * available resource is taken from the roster (we see its presence when we are friends); without one the bare JID is
 * used, and the server's error answer tells the user to give the full JID.
 */
final class Targets {

    private Targets() {
    }

    /**
     * Resolves a JID argument.
     *
     * @param connection the logged-in connection
     * @param text       the argument
     * @param timeout    how long to wait for the roster
     * @return the JID to send requests to
     * @throws CliException with {@link CliException#BAD_INPUT} if the argument is not a JID
     */
    static Jid resolve(XMPPConnection connection, String text, Duration timeout) {
        Jid jid = Session.jid(text, "JID");
        if (jid.hasResource() || !jid.hasLocalpart()) {
            return jid;
        }
        Roster roster = Roster.getInstanceFor(connection);
        try {
            if (!roster.isLoaded()) {
                roster.reloadAndWait();
            }
        } catch (Exception e) {
            return jid;
        }
        List<Presence> presences = roster.getAvailablePresences(jid.asBareJid());
        for (Presence p : presences) {
            if (p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
                return p.getFrom();
            }
        }
        return jid;
    }

    /**
     * Waits for an answer within the timeout.
     *
     * @param future  the pending answer
     * @param timeout the timeout
     * @param <T>     the answer type
     * @return the answer
     * @throws Exception the failure, which {@link CliErrors} turns into one line
     */
    static <T> T await(CompletableFuture<T> future, Duration timeout) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }
}
