package io.github.xmppiot.control;

import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/** Test helper: makes a controller a friend of a Thing through a presence subscription the Thing approves. */
final class Friends {

    private Friends() {
    }

    static void befriend(XMPPConnection thing, XMPPConnection controller) throws Exception {
        Roster thingRoster = Roster.getInstanceFor(thing);
        thingRoster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        BareJid controllerJid = controller.getUser().asBareJid();
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
                RosterEntry e = thingRoster.getEntry(controllerJid);
                if (e != null && e.canSeeMyPresence()) {
                    approved.countDown();
                }
            }
        };
        thingRoster.addRosterListener(listener);
        try {
            Roster.getInstanceFor(controller).createItemAndRequestSubscription(thing.getUser().asBareJid(), "thing", null);
            RosterEntry e = thingRoster.getEntry(controllerJid);
            if (e != null && e.canSeeMyPresence()) {
                approved.countDown();
            }
            if (!approved.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the thing did not approve the subscription of " + controllerJid);
            }
        } finally {
            thingRoster.removeRosterListener(listener);
        }
    }
}
