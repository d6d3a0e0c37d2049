package io.github.xmppiot.core.connection;

import io.github.xmppiot.core.internal.Sending;
import java.lang.ref.WeakReference;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
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
    private final java.util.function.BooleanSupplier recording;
    private Presence toRestore;

    /**
     * Starts remembering.
     *
     * @param c         the connection
     * @param recording false while presences must not be remembered (Smack's automatic initial presence of a
     *                  reconnection attempt, which would otherwise replace the application's last presence)
     */
    PresenceMemory(XMPPConnection c, java.util.function.BooleanSupplier recording) {
        this.connection = new WeakReference<>(c);
        this.recording = recording;
        // an interceptor, not a sending listener: Smack calls sending listeners asynchronously and unordered
        c.addPresenceInterceptor(
                b -> {
                    if (this.recording.getAsBoolean()) {
                        last = b.build();
                    }
                },
                PresenceMemory::isBroadcast);
        if (c.getUser() != null) {
            resource = c.getUser().getResourceOrNull();
        }
    }

    private static boolean isBroadcast(Presence p) {
        return p.getTo() == null
                && (p.getType() == Presence.Type.available || p.getType() == Presence.Type.unavailable);
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
        boolean plain = p.getStatus() == null
                && p.getMode() == Presence.Mode.available
                && p.getPriority() == 0
                && p.getExtensions().isEmpty();
        if (plain
                && c instanceof org.jivesoftware.smack.AbstractXMPPConnection a
                && a.getConfiguration().isSendPresence()) {
            return;
        }
        Sending.sendOrLog(c, p.asBuilder(c).build(), LOG, "the restored presence");
    }
}
