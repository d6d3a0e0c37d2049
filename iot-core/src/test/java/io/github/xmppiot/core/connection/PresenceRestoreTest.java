package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * After a fresh session the device is announced exactly as before the loss (RFC 6121 §4.2): its last broadcast
 * presence is sent again, unless Smack's automatic initial presence already says the same or it was unavailable.
 */
class PresenceRestoreTest {

    private static final ReconnectPolicy POLICY = ReconnectPolicy.defaults().withKeepAlive(Duration.ZERO);

    private final ManualScheduler scheduler = new ManualScheduler();

    private List<Presence> presencesAfterAReconnect(FakeConnection c, Presence... sentBefore) throws Exception {
        new ConnectionSupervisor(c, scheduler, scheduler.clock).setPolicy(POLICY);
        for (Presence p : sentBefore) {
            c.sendStanza(p);
        }
        c.drainSent();
        c.lose(new IOException("cut"));
        scheduler.runDue();
        return c.drainSent().stream()
                .filter(Presence.class::isInstance)
                .map(Presence.class::cast)
                .toList();
    }

    private static Presence status(String text) {
        return PresenceBuilder.buildPresence()
                .ofType(Presence.Type.available)
                .setStatus(text)
                .build();
    }

    private static Presence plain(Presence.Type type) {
        return PresenceBuilder.buildPresence().ofType(type).build();
    }

    @Test
    void theLastPresenceWithAStatusIsSentAgainAfterSmacksInitialOne() throws Exception {
        FakeConnection c = FakeConnection.online();
        List<Presence> sent = presencesAfterAReconnect(c, status("starting"), status("measuring"));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getStatus()).as("Smack's initial presence").isNull();
        assertThat(sent.get(1).getStatus()).isEqualTo("measuring");
        assertThat(sent.get(1).getType()).isEqualTo(Presence.Type.available);
    }

    @Test
    void presencesAddressedToSomeoneAreNotTheBroadcastPresence() throws Exception {
        FakeConnection c = FakeConnection.online();
        Presence directed = status("for the owner only");
        directed.setTo(JidCreate.from("owner@example.org/app"));
        List<Presence> sent = presencesAfterAReconnect(c, status("measuring"), directed);
        assertThat(sent).extracting(Presence::getStatus).containsExactly(null, "measuring");
    }

    @Test
    void aPriorityOrAModeMakesThePresenceWorthRestoring() throws Exception {
        Presence priority = PresenceBuilder.buildPresence()
                .ofType(Presence.Type.available)
                .setPriority(5)
                .build();
        assertThat(presencesAfterAReconnect(FakeConnection.online(), priority))
                .extracting(Presence::getPriority)
                .containsExactly(0, 5);
        Presence away = PresenceBuilder.buildPresence()
                .ofType(Presence.Type.available)
                .setMode(Presence.Mode.away)
                .build();
        assertThat(presencesAfterAReconnect(FakeConnection.online(), away))
                .extracting(Presence::getMode)
                .containsExactly(Presence.Mode.available, Presence.Mode.away);
    }

    @Test
    void aPlainPresenceIsNotDuplicatedWhenSmackSendsTheInitialOne() throws Exception {
        List<Presence> sent = presencesAfterAReconnect(FakeConnection.online(), plain(Presence.Type.available));
        assertThat(sent).as("only Smack's initial presence").hasSize(1);
    }

    @Test
    void aPlainPresenceIsRestoredWhenSmackSendsNone() throws Exception {
        FakeConnection c = new FakeConnection(false);
        c.connect().login();
        List<Presence> sent = presencesAfterAReconnect(c, plain(Presence.Type.available));
        assertThat(sent).singleElement().satisfies(p -> {
            assertThat(p.getType()).isEqualTo(Presence.Type.available);
            assertThat(p.getStatus()).isNull();
        });
    }

    @Test
    void anUnavailableDeviceStaysUnannounced() throws Exception {
        FakeConnection c = new FakeConnection(false);
        c.connect().login();
        assertThat(presencesAfterAReconnect(c, status("measuring"), plain(Presence.Type.unavailable)))
                .isEmpty();
    }

    @Test
    void nothingIsRestoredWhenTheApplicationNeverAnnouncedItself() throws Exception {
        FakeConnection c = new FakeConnection(false);
        c.connect().login();
        assertThat(presencesAfterAReconnect(c)).isEmpty();
    }

    @Test
    void theInitialPresenceOfAnAttemptDoesNotReplaceTheApplicationsPresence() throws Exception {
        FakeConnection c = FakeConnection.online();
        List<Presence> first = presencesAfterAReconnect(c, status("measuring"));
        assertThat(first).extracting(Presence::getStatus).containsExactly(null, "measuring");
        c.lose(new IOException("cut again"));
        scheduler.runDue();
        List<Stanza> second = c.drainSent();
        assertThat(second)
                .filteredOn(Presence.class::isInstance)
                .extracting(s -> ((Presence) s).getStatus())
                .containsExactly(null, "measuring");
    }

    @Test
    void theFreshSessionAsksForTheResourceTheServerBoundBeforeTheSupervisorExisted() throws Exception {
        FakeConnection c = new FakeConnection();
        c.serverResource = "assigned-1";
        c.connect().login();
        c.serverResource = null;
        presencesAfterAReconnect(c);
        assertThat(c.loginResources).extracting(String::valueOf).containsExactly("r1", "assigned-1");
    }

    @Test
    void theFreshSessionAsksForTheResourceTheServerBoundLast() throws Exception {
        FakeConnection c = new FakeConnection();
        new ConnectionSupervisor(c, scheduler, scheduler.clock).setPolicy(POLICY);
        c.serverResource = "assigned-2";
        c.connect().login();
        c.serverResource = null;
        c.lose(new IOException("cut"));
        scheduler.runDue();
        assertThat(c.loginResources).extracting(String::valueOf).containsExactly("r1", "assigned-2");
        assertThat(String.valueOf(c.getUser())).isEqualTo("sensor@example.org/assigned-2");
    }
}
