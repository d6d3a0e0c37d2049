package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.concurrent.Work;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * {@link ThingLifecycle.Friends} on Smack's roster. Accepted contacts are approved by a {@link SubscribeListener},
 * installed while there is at least one; other requests get the answer of the subscription mode in force when it was
 * installed (Smack switches to {@code manual} while a listener is present and restores the mode when it is removed).
 * Roster calls wait for the server, so they run on the executor (the manager's work pool), never on Smack's reader
 * thread. Not API.
 */
public final class RosterFriends implements ThingLifecycle.Friends {

    private final XMPPConnection connection;
    private final Executor executor;
    private final Set<BareJid> accepted = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private SubscribeListener installed;

    /** Creates the friends of a connection. */
    public RosterFriends(XMPPConnection connection, Executor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Void> befriend(BareJid contact) {
        accepted.add(contact);
        install();
        return run(() -> {
            try {
                Roster roster = Roster.getInstanceFor(connection);
                // approves a request the contact sent before the claim (RFC 6121 §3.1.4, or pre-approves it)
                connection.sendStanza(connection
                        .getStanzaFactory()
                        .buildPresenceStanza()
                        .ofType(Presence.Type.subscribed)
                        .to(contact)
                        .build());
                if (!roster.iAmSubscribedTo(contact)) {
                    roster.createItemAndRequestSubscription(contact, null, null);
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public CompletableFuture<Void> unfriend(BareJid contact) {
        accepted.remove(contact);
        uninstallIfUnused();
        return run(() -> {
            try {
                Roster roster = Roster.getInstanceFor(connection);
                RosterEntry entry = roster.getEntry(contact);
                if (entry != null) {
                    roster.removeEntry(entry);
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private CompletableFuture<Void> run(Runnable call) {
        return Work.run(executor, call); // refused: the manager is closed or its work pool is full
    }

    /** Whether subscription requests of a contact are accepted. */
    public boolean accepts(Jid contact) {
        return accepted.contains(contact.asBareJid());
    }

    private void install() {
        synchronized (lock) {
            if (installed != null) {
                return;
            }
            Roster roster = Roster.getInstanceFor(connection);
            Roster.SubscriptionMode before = roster.getSubscriptionMode();
            SubscribeListener.SubscribeAnswer otherwise = switch (before) {
                case accept_all -> SubscribeListener.SubscribeAnswer.Approve;
                case reject_all -> SubscribeListener.SubscribeAnswer.Deny;
                case manual -> null;
            };
            installed = (from, presence) -> accepts(from) ? SubscribeListener.SubscribeAnswer.Approve : otherwise;
            roster.addSubscribeListener(installed);
        }
    }

    /** Stops approving: removes the subscribe listener (the manager closes); the roster is left as it is. */
    public void close() {
        synchronized (lock) {
            accepted.clear();
            if (installed != null) {
                Roster.getInstanceFor(connection).removeSubscribeListener(installed);
                installed = null;
            }
        }
    }

    private void uninstallIfUnused() {
        synchronized (lock) {
            if (installed != null && accepted.isEmpty()) {
                Roster.getInstanceFor(connection).removeSubscribeListener(installed);
                installed = null;
            }
        }
    }
}
