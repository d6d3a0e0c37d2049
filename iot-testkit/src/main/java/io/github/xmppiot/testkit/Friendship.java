package io.github.xmppiot.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Makes a client a friend of a Thing for tests: the Thing approves every presence subscription (Smack's
 * {@code accept_all} mode, fine on a test server) and the client subscribes to the Thing's presence. Afterwards the
 * Thing's default access policy ({@code AccessPolicy.friends}) lets the client read and control (XEP-0323 §3.10,
 * XEP-0325 §3.8).
 *
 * @since 0.1.0
 */
public final class Friendship {

    private Friendship() {}

    /**
     * Establishes the friendship and waits until the Thing's roster shows that the client sees its presence.
     *
     * @param thing   the Thing's connection
     * @param client  the client's connection
     * @param timeout how long to wait
     * @throws Exception        if the subscription cannot be sent
     * @throws AssertionError   if it is not approved in time
     */
    public static void establish(XMPPConnection thing, XMPPConnection client, Duration timeout) throws Exception {
        Roster thingRoster = Roster.getInstanceFor(thing);
        thingRoster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        BareJid clientJid = client.getUser().asBareJid();
        CountDownLatch approved = new CountDownLatch(1);
        AbstractRosterListener listener = new AbstractRosterListener() {
            @Override
            public void entriesAdded(Collection<Jid> addresses) {
                check();
            }

            @Override
            public void entriesUpdated(Collection<Jid> addresses) {
                check();
            }

            private void check() {
                RosterEntry e = thingRoster.getEntry(clientJid);
                if (e != null && e.canSeeMyPresence()) {
                    approved.countDown();
                }
            }
        };
        thingRoster.addRosterListener(listener);
        try {
            RosterEntry existing = thingRoster.getEntry(clientJid);
            if (existing != null && existing.canSeeMyPresence()) {
                return;
            }
            Roster.getInstanceFor(client)
                    .createItemAndRequestSubscription(
                            thing.getUser().asBareJid(),
                            thing.getUser().getLocalpart().toString(),
                            null);
            if (!approved.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(clientJid + " did not become a friend of " + thing.getUser() + " within "
                        + timeout.toMillis() + " ms");
            }
        } finally {
            thingRoster.removeRosterListener(listener);
        }
    }
}
