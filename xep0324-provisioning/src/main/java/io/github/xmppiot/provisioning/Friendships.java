package io.github.xmppiot.provisioning;

import io.github.xmppiot.provisioning.element.Friend;
import io.github.xmppiot.provisioning.element.IsFriend;
import io.github.xmppiot.provisioning.element.IsFriendResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.Unfriend;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.StanzaListener;
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
 * Nothing here blocks Smack's threads: decisions and roster changes run on the client's work pool.
 */
final class Friendships {

    private static final Logger LOG = Logger.getLogger(Friendships.class.getName());

    private Friendships() {}

    /** Installs the listeners; returns what removes them. */
    static Runnable register(XMPPConnection connection, ProvisioningClient client) {
        Roster roster = Roster.getInstanceFor(connection);
        SubscribeListener subscriptions = subscribeListener(connection, client);
        roster.addSubscribeListener(subscriptions);
        StanzaFilter orders = new AndFilter(
                StanzaTypeFilter.MESSAGE,
                new OrFilter(
                        new StanzaExtensionFilter(Friend.ELEMENT, ProvisioningIq.NAMESPACE),
                        new StanzaExtensionFilter(Unfriend.ELEMENT, ProvisioningIq.NAMESPACE)));
        StanzaListener orderListener = stanza -> onOrder(connection, client, (Message) stanza);
        connection.addAsyncStanzaListener(orderListener, orders);
        return () -> {
            roster.removeSubscribeListener(subscriptions);
            connection.removeAsyncStanzaListener(orderListener);
        };
    }

    /** Asks every trusted server whether {@code jid} may be a friend (§3.2.1); true if any says so (§5.3). */
    static CompletableFuture<Boolean> ask(ProvisioningClient client, BareJid jid) {
        List<CompletableFuture<Boolean>> answers = client.servers().stream()
                .map(s -> {
                    IsFriend q = new IsFriend(jid);
                    q.setTo(client.address(s));
                    return client.request(q, IsFriendResponse.class)
                            .thenApply(r -> {
                                client.secondaryTrust().record(s, r.secondaryTrustAllowed());
                                return r.result();
                            })
                            .exceptionally(e -> false);
                })
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(v -> answers.stream().anyMatch(CompletableFuture::join));
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
            Executor work = client.work();
            client.isFriend(requester)
                    .exceptionally(e -> false)
                    .thenComposeAsync(
                            ok -> ok
                                    ? CompletableFuture.completedFuture(true)
                                    : client.secondaryTrust().approveLocally(requester),
                            work)
                    .whenCompleteAsync(
                            (ok, failure) -> decided(connection, client, requester, failure == null && ok), work)
                    .exceptionally(e -> {
                        LOG.log(Level.WARNING, "too busy to answer the subscription of " + requester, e);
                        return null;
                    });
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
        Runnable order = () -> {
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
        };
        try {
            client.work().execute(order);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "too busy to carry out <" + element + "/> from " + from, e);
        }
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

    /** Subscribes to an account-hosted provisioning server (§5.1); blocking, run on the client's work pool. */
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
                client.trustRelationships().seenOnline(address.asBareJid());
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
