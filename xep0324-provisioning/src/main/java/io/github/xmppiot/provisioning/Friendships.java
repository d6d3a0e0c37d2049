package io.github.xmppiot.provisioning;

import io.github.xmppiot.provisioning.element.Friend;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.Unfriend;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * Friendship handling of a provisioned Thing (XEP-0324 §3.2): every presence subscription request is decided by the
 * trusted servers ({@code isFriend}); one they reject may be accepted by the local approver only with secondary trust
 * (§3.1.4); {@code friend} and {@code unfriend} messages are obeyed only from trusted servers.
 * Nothing here blocks Smack's threads: decisions and roster changes run on the client's executor.
 */
final class Friendships {

    private static final Logger LOG = Logger.getLogger(Friendships.class.getName());

    private Friendships() {}

    static void register(XMPPConnection connection, ProvisioningClient client) {
        Roster roster = Roster.getInstanceFor(connection);
        roster.addSubscribeListener(subscribeListener(connection, client));
        StanzaFilter orders = new AndFilter(
                StanzaTypeFilter.MESSAGE,
                new OrFilter(
                        new StanzaExtensionFilter(Friend.ELEMENT, ProvisioningIq.NAMESPACE),
                        new StanzaExtensionFilter(Unfriend.ELEMENT, ProvisioningIq.NAMESPACE)));
        connection.addAsyncStanzaListener(stanza -> onOrder(connection, client, (Message) stanza), orders);
    }

    private static SubscribeListener subscribeListener(XMPPConnection connection, ProvisioningClient client) {
        return (from, presence) -> {
            if (client.isTrusted(from)) {
                return SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired;
            }
            if (client.servers().isEmpty()) {
                return null;
            }
            BareJid requester = from.asBareJid();
            client.isFriend(requester)
                    .exceptionally(e -> false)
                    .thenComposeAsync(
                            ok -> ok
                                    ? CompletableFuture.completedFuture(true)
                                    : client.secondaryTrust().approveLocally(requester),
                            client.executor())
                    .whenCompleteAsync(
                            (ok, failure) -> decided(connection, client, requester, failure == null && ok),
                            client.executor());
            return null;
        };
    }

    private static void decided(
            XMPPConnection connection, ProvisioningClient client, BareJid requester, boolean accepted) {
        try {
            answer(connection, requester, accepted);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not answer the subscription of " + requester, e);
        }
        client.listeners().forEach(l -> l.friendshipDecided(requester, accepted));
    }

    private static void answer(XMPPConnection connection, BareJid requester, boolean accepted) throws Exception {
        Presence.Type type = accepted ? Presence.Type.subscribed : Presence.Type.unsubscribed;
        connection.sendStanza(connection
                .getStanzaFactory()
                .buildPresenceStanza()
                .ofType(type)
                .to(requester)
                .build());
        Roster roster = Roster.getInstanceFor(connection);
        if (accepted && !roster.iAmSubscribedTo(requester)) {
            roster.sendSubscriptionRequest(requester);
        }
    }

    private static void onOrder(XMPPConnection connection, ProvisioningClient client, Message message) {
        Jid from = message.getFrom();
        Unfriend unfriend = message.getExtension(Unfriend.class);
        Friend friend = message.getExtension(Friend.class);
        String element = unfriend != null ? Unfriend.ELEMENT : Friend.ELEMENT;
        if (!client.isTrusted(from)) {
            client.listeners().forEach(l -> l.untrustedOrderIgnored(from, element));
            return;
        }
        client.executor().execute(() -> {
            try {
                if (unfriend != null) {
                    BareJid former = unfriend.jid().asBareJid();
                    unfriend(connection, former);
                    client.listeners().forEach(l -> l.unfriended(former));
                } else {
                    BareJid recommended = friend.jid().asBareJid();
                    Roster.getInstanceFor(connection).sendSubscriptionRequest(recommended);
                    client.listeners().forEach(l -> l.friendRequested(recommended));
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not carry out <" + element + "/> from " + from, e);
            }
        });
    }

    private static void unfriend(XMPPConnection connection, BareJid former) throws Exception {
        Roster roster = Roster.getInstanceFor(connection);
        RosterEntry entry = roster.getEntry(former);
        if (entry != null) {
            roster.removeEntry(entry);
        } else {
            connection.sendStanza(connection
                    .getStanzaFactory()
                    .buildPresenceStanza()
                    .ofType(Presence.Type.unsubscribed)
                    .to(former)
                    .build());
        }
    }

    /** Subscribes to an account-hosted provisioning server (§5.1); blocking, run on the client's executor. */
    static void subscribe(XMPPConnection connection, BareJid server) {
        try {
            Roster.getInstanceFor(connection).sendSubscriptionRequest(server);
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** Completes {@link ProvisioningClient#trust} when an account-hosted server is seen online. */
    static final class ServerPresence implements PresenceEventListener {
        private final ProvisioningClient client;

        ServerPresence(ProvisioningClient client) {
            this.client = client;
        }

        @Override
        public void presenceAvailable(FullJid address, Presence availablePresence) {
            if (client.isTrusted(address)) {
                client.serverSeenOnline(address.asBareJid());
            }
        }

        @Override
        public void presenceUnavailable(FullJid address, Presence presence) {
            // nothing to do: the next request to this server fails and counts as a refusal
        }

        @Override
        public void presenceError(Jid address, Presence errorPresence) {
            // nothing to do
        }

        @Override
        public void presenceSubscribed(BareJid address, Presence subscribedPresence) {
            // the server approved our subscription; its presence follows
        }

        @Override
        public void presenceUnsubscribed(BareJid address, Presence unsubscribedPresence) {
            // nothing to do
        }
    }
}
