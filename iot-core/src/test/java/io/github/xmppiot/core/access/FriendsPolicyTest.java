package io.github.xmppiot.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The default policy (XEP-0323 §3.10, XEP-0325 §3.8: only friends) over a Smack roster that the test loads by
 * answering the roster request of an in-memory connection.
 */
class FriendsPolicyTest {

    private DummyConnection connection;
    private Roster roster;
    private AccessPolicy policy;

    @BeforeEach
    void connect() throws Exception {
        connection = new DummyConnection("thing", "example.org", "device");
        roster = Roster.getInstanceFor(connection);
        connection.connect();
        connection.login();
        policy = AccessPolicy.friends(connection);
    }

    @AfterEach
    void disconnect() {
        connection.disconnect();
    }

    private static BareJid bare(String jid) {
        return JidCreate.bareFromOrThrowUnchecked(jid);
    }

    private static RosterPacket.Item item(String jid, ItemType type) {
        RosterPacket.Item item = new RosterPacket.Item(bare(jid), null);
        item.setItemType(type);
        return item;
    }

    /** Starts loading the roster and returns the request it sent. */
    private RosterPacket requestRoster() throws Exception {
        roster.reload();
        for (int i = 0; i < 20; i++) {
            TopLevelStreamElement sent = connection.getSentPacket();
            if (sent instanceof RosterPacket r && r.getType() == IQ.Type.get) {
                return r;
            }
        }
        throw new AssertionError("no roster request was sent");
    }

    /** Answers the roster request with these items; returns when the roster is loaded. */
    private void answerRoster(RosterPacket request, RosterPacket.Item... items) throws Exception {
        RosterPacket result = new RosterPacket();
        result.setType(IQ.Type.result);
        result.setStanzaId(request.getStanzaId());
        result.setTo(connection.getUser());
        for (RosterPacket.Item i : items) {
            result.addRosterItem(i);
        }
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        RosterLoadedListener listener = new RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster r) {
                loaded.complete(null);
            }

            @Override
            public void onRosterLoadingFailed(Exception e) {
                loaded.completeExceptionally(e);
            }
        };
        roster.addRosterLoadedListener(listener);
        connection.processStanza(result);
        loaded.get(5, TimeUnit.SECONDS);
    }

    private AccessDecision decide(String requester) throws Exception {
        return decideLater(requester).get(5, TimeUnit.SECONDS);
    }

    private CompletableFuture<AccessDecision> decideLater(String requester) {
        Jid who = JidCreate.fromOrThrowUnchecked(requester);
        return policy.decide(AccessRequest.read(who, null, List.of(), Set.of(), Set.of()))
                .toCompletableFuture();
    }

    @Test
    void friendsWhoMaySeeOurPresenceAreAllowedOthersDenied() throws Exception {
        answerRoster(
                requestRoster(),
                item("both@example.org", ItemType.both),
                item("from@example.org", ItemType.from),
                item("to@example.org", ItemType.to),
                item("none@example.org", ItemType.none));
        assertThat(decide("both@example.org/phone")).isEqualTo(AccessDecision.allowAll());
        assertThat(decide("from@example.org/phone")).isEqualTo(AccessDecision.allowAll());
        assertThat(decide("to@example.org/phone")).isEqualTo(AccessDecision.deny());
        assertThat(decide("none@example.org/phone")).isEqualTo(AccessDecision.deny());
        assertThat(decide("stranger@example.org/phone")).isEqualTo(AccessDecision.deny());
    }

    @Test
    void ourOwnAccountIsAllowedWithoutTheRoster() throws Exception {
        // the roster is never loaded: the decision must not wait for it
        String self = connection.getUser().asBareJid().toString();
        assertThat(decideLater(self + "/other").getNow(null)).isEqualTo(AccessDecision.allowAll());
        assertThat(decideLater(self).getNow(null)).isEqualTo(AccessDecision.allowAll());
        assertThat(decideLater("stranger@example.org/x")).isNotDone();
    }

    @Test
    void everyRequestWaitingForTheRosterIsAnsweredWhenItLoads() throws Exception {
        RosterPacket request = requestRoster();
        CompletableFuture<AccessDecision> first = decideLater("both@example.org/phone");
        CompletableFuture<AccessDecision> second = decideLater("none@example.org/phone");
        CompletableFuture<AccessDecision> third = decideLater("from@example.org/tablet");
        answerRoster(
                request,
                item("both@example.org", ItemType.both),
                item("from@example.org", ItemType.from),
                item("none@example.org", ItemType.none));
        // well before the ten seconds after which a waiting request gives up on the roster
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(AccessDecision.allowAll());
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(AccessDecision.deny());
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(AccessDecision.allowAll());
        assertThat(decide("from@example.org/phone")).isEqualTo(AccessDecision.allowAll());
    }

    @Test
    void aRequestBeforeTheRosterIsLoadedWaitsForIt() throws Exception {
        RosterPacket request = requestRoster();
        CompletableFuture<AccessDecision> early = decideLater("both@example.org/phone");
        assertThat(early).isNotDone();
        answerRoster(request, item("both@example.org", ItemType.both));
        assertThat(early.get(5, TimeUnit.SECONDS)).isEqualTo(AccessDecision.allowAll());
    }

    @Test
    void aRosterThatFailsToLoadDecidesOnWhatIsKnown() throws Exception {
        RosterPacket request = requestRoster();
        CompletableFuture<AccessDecision> early = decideLater("both@example.org/phone");
        assertThat(early).isNotDone();
        IQ error = IQ.createErrorResponse(
                request,
                StanzaError.getBuilder(StanzaError.Condition.service_unavailable)
                        .build());
        error.setTo(connection.getUser());
        connection.processStanza(error);
        assertThat(early.get(5, TimeUnit.SECONDS)).isEqualTo(AccessDecision.deny());
    }

    @Test
    void aRosterPushMakesANewFriend() throws Exception {
        answerRoster(requestRoster(), item("later@example.org", ItemType.none));
        assertThat(decide("later@example.org/phone")).isEqualTo(AccessDecision.deny());
        RosterPacket push = new RosterPacket();
        push.setType(IQ.Type.set);
        push.setStanzaId("push1");
        push.setTo(connection.getUser());
        push.addRosterItem(item("later@example.org", ItemType.from));
        CompletableFuture<Void> updated = new CompletableFuture<>();
        roster.addRosterListener(new AbstractRosterListener() {
            @Override
            public void entriesUpdated(java.util.Collection<org.jxmpp.jid.Jid> addresses) {
                updated.complete(null);
            }
        });
        connection.processStanza(push);
        updated.get(5, TimeUnit.SECONDS);
        AccessDecision d = decide("later@example.org/phone");
        assertThat(d).isEqualTo(AccessDecision.allowAll());
    }
}
