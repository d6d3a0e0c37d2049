package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.discovery.PlayedServer.jid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.discovery.PlayedServer;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * {@link ClaimReporter#provisioningServer} against a server this test plays (XEP-0347 §3.9, XEP-0324 claim command):
 * the presence subscription to a provisioning server on an account, the address the command goes to, what it carries,
 * and how a report ends.
 */
class ClaimReporterTest {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final BareJid SERVER = jid("provisioning@example.org").asBareJid();
    private static final Jid SERVER_ONLINE = jid("provisioning@example.org/srv");
    private static final BareJid THING = jid("thing7@example.org").asBareJid();
    private static final BareJid OWNER = jid("owner@example.org").asBareJid();

    private PlayedServer registry;

    @BeforeEach
    void start() throws Exception {
        registry = PlayedServer.loggedIn();
        registry.answer(iq -> iq instanceof AdHocCommandData ? IQ.createResultIQ(iq) : null);
    }

    @AfterEach
    void stop() {
        registry.instantShutdown();
    }

    private static Void report(ClaimReporter reporter) throws Exception {
        return reporter.claimed(THING, OWNER).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The one command sent: to the expected address, executing the claim command for THING and OWNER. */
    private void assertOneCommandTo(Jid to) {
        List<IQ> commands = registry.requests.stream()
                .filter(iq -> iq instanceof AdHocCommandData)
                .toList();
        assertThat(commands).hasSize(1);
        AdHocCommandData command = (AdHocCommandData) commands.get(0);
        assertThat((Object) command.getTo()).isEqualTo(to);
        assertThat(command.getType()).isEqualTo(IQ.Type.set);
        assertThat(command.getNode()).isEqualTo(ClaimReporter.CLAIM_COMMAND);
        assertThat(command.getAction()).isEqualTo(AdHocCommand.Action.execute);
        DataForm form = command.getForm();
        assertThat(form.getType()).isEqualTo(DataForm.Type.submit);
        assertThat(form.getField("thing").getFirstValue()).isEqualTo(THING.toString());
        assertThat(form.getField("owner").getFirstValue()).isEqualTo(OWNER.toString());
    }

    private List<Presence.Type> presencesSentToServer() {
        return registry.presences.stream()
                .filter(p -> SERVER.equals(p.getTo()))
                .map(Presence::getType)
                .toList();
    }

    @Test
    void aServerAtAFullJidGetsTheCommandAtOnceWithoutSubscription() throws Exception {
        ClaimReporter reporter = ClaimReporter.provisioningServer(registry, SERVER_ONLINE, LONG);

        assertThat(report(reporter)).isNull();

        assertOneCommandTo(SERVER_ONLINE);
        assertThat(registry.presences).isEmpty();
    }

    @Test
    void aComponentGetsTheCommandAtItsAddress() throws Exception {
        Jid component = jid("provisioning.example.org");

        report(ClaimReporter.provisioningServer(registry, component, LONG));

        assertOneCommandTo(component);
        assertThat(registry.presences).isEmpty();
    }

    @Test
    void aServerAccountIsSubscribedToWhenTheReporterIsMade() throws Exception {
        ClaimReporter.provisioningServer(registry, SERVER, LONG);

        assertThat(presencesSentToServer()).containsExactly(Presence.Type.subscribe);
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void aServerAccountOnlineAndSubscribedToGetsTheCommandAtItsResourceWithoutNewRequests() throws Exception {
        serverOnlineWithSubscription(RosterPacket.ItemType.to);

        report(ClaimReporter.provisioningServer(registry, SERVER, LONG));

        assertOneCommandTo(SERVER_ONLINE);
        assertThat(registry.presences).isEmpty();
    }

    @Test
    void aServerAccountOnlineButNotSubscribedToIsAskedOnceAndGetsTheCommandAtItsResource() throws Exception {
        serverOnlineWithSubscription(RosterPacket.ItemType.none);
        ClaimReporter reporter = ClaimReporter.provisioningServer(registry, SERVER, LONG);
        assertThat(presencesSentToServer()).containsExactly(Presence.Type.subscribe);
        registry.presences.clear();

        report(reporter);

        assertOneCommandTo(SERVER_ONLINE);
        assertThat(registry.presences).as("no new request while it is online").isEmpty();
    }

    @Test
    void anOfflineServerIsAskedAgainAndGetsTheCommandWhereItComesOnline() throws Exception {
        BareJid other = jid("other@example.org").asBareJid();
        registry.rosterPush(SERVER, RosterPacket.ItemType.none);
        registry.rosterPush(other, RosterPacket.ItemType.to);
        ClaimReporter reporter = ClaimReporter.provisioningServer(registry, SERVER, LONG);
        registry.presences.clear();

        CompletableFuture<Void> done = reporter.claimed(THING, OWNER).toCompletableFuture();

        assertThat(presencesSentToServer())
                .as("a pending request is withdrawn and sent again")
                .containsExactly(Presence.Type.unsubscribe, Presence.Type.subscribe);
        assertThat(done).isNotDone();
        registry.presenceFrom(jid("other@example.org/phone"), Presence.Type.available);
        registry.presenceFrom(jid("provisioning@example.org/old"), Presence.Type.unavailable);
        registry.presenceFrom(SERVER_ONLINE, Presence.Type.available);
        assertThat(done.get(10, TimeUnit.SECONDS)).isNull();
        assertOneCommandTo(SERVER_ONLINE);
    }

    @Test
    void aServerThatStaysOfflineFailsTheReportAfterTheTimeout() throws Exception {
        ClaimReporter reporter = ClaimReporter.provisioningServer(registry, SERVER, Duration.ofMillis(200));

        CompletableFuture<Void> done = reporter.claimed(THING, OWNER).toCompletableFuture();

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void aReportAfterTheConnectionWasLostFailsWithTheReason() throws Exception {
        ClaimReporter reporter = ClaimReporter.provisioningServer(registry, SERVER, LONG);
        registry.instantShutdown();

        CompletableFuture<Void> done = reporter.claimed(THING, OWNER).toCompletableFuture();

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log in first");
    }

    @Test
    void makingAReporterBeforeLoggingInIsRefused() throws Exception {
        PlayedServer offline = PlayedServer.connected();
        try {
            assertThatThrownBy(() -> ClaimReporter.provisioningServer(offline, SERVER, LONG))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("log in first");
        } finally {
            offline.instantShutdown();
        }
    }

    /** Smack's roster handles presences on its own thread: polls for up to 10 s. */
    private void awaitPresence(boolean available) {
        Roster roster = Roster.getInstanceFor(registry);
        ConnectionEventRecorder.eventually(
                "presence of " + SERVER,
                Duration.ofSeconds(10),
                () -> roster.getPresence(SERVER).isAvailable() == available);
    }

    /** The server account is in the roster with this subscription and online at {@link #SERVER_ONLINE}. */
    private void serverOnlineWithSubscription(RosterPacket.ItemType subscription) {
        registry.rosterPush(SERVER, subscription);
        registry.presenceFrom(SERVER_ONLINE, Presence.Type.available);
        awaitPresence(true);
    }
}
