package io.github.xmppiot.core.connection;

import java.lang.ref.WeakReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Remembers the last broadcast presence and the bound resource of a connection, so that a fresh session after a
 * reconnect binds the same resource (clients keep the full JID) and is announced exactly as before (RFC 6121 §4.2).
 */
final class PresenceMemory {

    private static final Logger LOG = Logger.getLogger(PresenceMemory.class.getName());

    private final WeakReference<XMPPConnection> connection;
    private volatile Presence last;
    private volatile Resourcepart resource;
    private Presence toRestore;

    PresenceMemory(XMPPConnection c) {
        this.connection = new WeakReference<>(c);
        c.addStanzaSendingListener(this::sent, PresenceMemory::isBroadcast);
        if (c.getUser() != null) {
            resource = c.getUser().getResourceOrNull();
        }
    }

    private static boolean isBroadcast(Stanza s) {
        return s instanceof Presence p && p.getTo() == null
                && (p.getType() == Presence.Type.available || p.getType() == Presence.Type.unavailable);
    }

    private void sent(Stanza s) {
        last = (Presence) s;
    }

    void boundTo(EntityFullJid user) {
        if (user != null) {
            resource = user.getResourceOrNull();
        }
    }

    /** @return the resource bound last, or null before the first login */
    Resourcepart resource() {
        return resource;
    }

    /** Called when the connection is lost: the presence to announce again after a fresh session. */
    void rememberForRestore() {
        toRestore = last;
    }

    /**
     * Re-sends the presence remembered at the loss, unless it was unavailable or Smack's automatic initial presence
     * (sent already by the fresh login) is the same.
     */
    void restore() {
        Presence p = toRestore;
        XMPPConnection c = connection.get();
        if (p == null || c == null || p.getType() != Presence.Type.available) {
            return;
        }
        boolean plain = p.getStatus() == null && p.getMode() == Presence.Mode.available
                && p.getPriority() == 0 && p.getExtensions().isEmpty();
        if (plain && c instanceof org.jivesoftware.smack.AbstractXMPPConnection a
                && a.getConfiguration().isSendPresence()) {
            return;
        }
        try {
            c.sendStanza(p.asBuilder(c).build());
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.FINE, "Could not restore presence; the connection dropped again", e);
        }
    }
}
