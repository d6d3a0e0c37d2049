package io.github.xmppiot.discovery.internal;

import static io.github.xmppiot.discovery.PlayedServer.jid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.discovery.PlayedServer;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;

/**
 * {@link RosterFriends} against a server this test plays: what befriending and unfriending send (RFC 6121 presence
 * subscriptions), which subscription requests are approved, and the roster's subscription mode around it.
 */
class RosterFriendsTest {

    private static final BareJid OWNER = jid("owner@example.org").asBareJid();
    private static final BareJid STRANGER = jid("stranger@example.org").asBareJid();

    private PlayedServer thing;
    private Roster roster;
    private RosterFriends friends;

    @BeforeEach
    void start() throws Exception {
        thing = PlayedServer.loggedIn();
        roster = Roster.getInstanceFor(thing);
        roster.setSubscriptionMode(Roster.SubscriptionMode.reject_all);
        friends = new RosterFriends(thing, Runnable::run);
    }

    @AfterEach
    void stop() {
        friends.close();
        thing.instantShutdown();
    }

    /** The next presence the Thing sends to a contact, waiting up to 10 s (Smack answers requests on its own thread). */
    private Presence nextPresenceTo(BareJid contact) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Presence p = thing.presences.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(p).as("a presence to " + contact).isNotNull();
            if (contact.equals(p.getTo())) {
                return p;
            }
        }
    }

    private void subscribeRequestFrom(BareJid contact) {
        thing.presenceFrom(contact, Presence.Type.subscribe);
    }

    @Test
    void befriendingApprovesTheContactAndAsksForItsPresence() throws Exception {
        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);

        assertThat(List.of(
                        nextPresenceTo(OWNER).getType(), nextPresenceTo(OWNER).getType()))
                .containsExactly(Presence.Type.subscribed, Presence.Type.subscribe);
        assertThat(thing.rosterSets).hasSize(1);
        assertThat((Object) thing.rosterSets.peek().getRosterItems().get(0).getJid())
                .isEqualTo(OWNER);
        assertThat(friends.accepts(jid("owner@example.org/phone"))).isTrue();
        assertThat(friends.accepts(STRANGER)).isFalse();
    }

    @Test
    void aContactWhosePresenceIsSeenAlreadyIsNotAskedAgain() throws Exception {
        thing.rosterPush(OWNER, RosterPacket.ItemType.to);
        awaitInRoster(OWNER, true);

        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);

        assertThat(nextPresenceTo(OWNER).getType()).isEqualTo(Presence.Type.subscribed);
        assertThat(thing.presences).isEmpty();
        assertThat(thing.rosterSets).isEmpty();
    }

    @Test
    void aFriendsRequestIsApprovedAndAStrangersGetsTheModeInForce() throws Exception {
        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);
        thing.presences.clear();
        assertThat(roster.getSubscriptionMode()).isEqualTo(Roster.SubscriptionMode.manual);

        subscribeRequestFrom(STRANGER);
        subscribeRequestFrom(OWNER);

        assertThat(nextPresenceTo(OWNER).getType()).isEqualTo(Presence.Type.subscribed);
        thing.presences.clear();
        subscribeRequestFrom(STRANGER);
        assertThat(nextPresenceTo(STRANGER).getType()).isEqualTo(Presence.Type.unsubscribed);
    }

    @Test
    void underAcceptAllStrangersAreStillApproved() throws Exception {
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);
        thing.presences.clear();

        subscribeRequestFrom(STRANGER);

        assertThat(nextPresenceTo(STRANGER).getType()).isEqualTo(Presence.Type.subscribed);
    }

    @Test
    void unfriendingTheLastFriendRemovesItAndRestoresTheMode() throws Exception {
        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);
        thing.rosterPush(OWNER, RosterPacket.ItemType.both);
        awaitInRoster(OWNER, true);
        thing.rosterSets.clear();

        friends.unfriend(OWNER).get(10, TimeUnit.SECONDS);

        assertThat(thing.rosterSets).hasSize(1);
        RosterPacket.Item removed = thing.rosterSets.peek().getRosterItems().get(0);
        assertThat((Object) removed.getJid()).isEqualTo(OWNER);
        assertThat(removed.getItemType()).isEqualTo(RosterPacket.ItemType.remove);
        assertThat(friends.accepts(OWNER)).isFalse();
        assertThat(roster.getSubscriptionMode()).isEqualTo(Roster.SubscriptionMode.reject_all);
    }

    @Test
    void whileAFriendRemainsTheOthersRequestsAreStillApproved() throws Exception {
        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);
        friends.befriend(STRANGER).get(10, TimeUnit.SECONDS);

        friends.unfriend(STRANGER).get(10, TimeUnit.SECONDS);
        thing.presences.clear();

        assertThat(roster.getSubscriptionMode()).isEqualTo(Roster.SubscriptionMode.manual);
        subscribeRequestFrom(OWNER);
        assertThat(nextPresenceTo(OWNER).getType()).isEqualTo(Presence.Type.subscribed);
    }

    @Test
    void unfriendingAContactNotInTheRosterChangesNothingThere() throws Exception {
        friends.unfriend(OWNER).get(10, TimeUnit.SECONDS);

        assertThat(thing.rosterSets).isEmpty();
    }

    @Test
    void afterCloseNobodyIsApprovedAnyMore() throws Exception {
        friends.befriend(OWNER).get(10, TimeUnit.SECONDS);
        thing.presences.clear();

        friends.close();

        assertThat(friends.accepts(OWNER)).isFalse();
        assertThat(roster.getSubscriptionMode()).isEqualTo(Roster.SubscriptionMode.reject_all);
        subscribeRequestFrom(OWNER);
        assertThat(nextPresenceTo(OWNER).getType()).isEqualTo(Presence.Type.unsubscribed);
    }

    private void awaitInRoster(BareJid contact, boolean there) {
        ConnectionEventRecorder.eventually(
                "roster entry " + contact, Duration.ofSeconds(10), () -> (roster.getEntry(contact) != null) == there);
    }
}
