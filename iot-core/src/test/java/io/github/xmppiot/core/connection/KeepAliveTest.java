package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.Test;

/**
 * The keep-alive (XEP-0199 §4.2) on a virtual clock: a ping after the idle interval, none while traffic flows, one at
 * a time, and a connection whose ping gets no answer is treated as lost and reconnected.
 */
class KeepAliveTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final ReconnectPolicy POLICY = ReconnectPolicy.defaults().withKeepAlive(INTERVAL);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * The reply timeout of the tests whose ping gets no answer. Not 1 ms: Smack 4.4.8's {@code sendAsync} schedules the
     * timeout before it registers the answer's listener, and a timeout that fires in between finds nothing to remove
     * and never fails the ping; under load that happened with 1 ms (the test then waited in vain).
     */
    private static final long NO_ANSWER_TIMEOUT_MS = 500;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ConnectionEvent> events = new ArrayList<>();

    private ConnectionSupervisor supervise(FakeConnection c, ReconnectPolicy policy) {
        ConnectionSupervisor s = new ConnectionSupervisor(c, scheduler, scheduler.clock);
        s.addListener(events::add);
        s.setPolicy(policy);
        return s;
    }

    private static List<Ping> pings(FakeConnection c) {
        List<Ping> pings = new ArrayList<>();
        for (Stanza s : c.drainSent()) {
            if (s instanceof Ping p) {
                pings.add(p);
            }
        }
        return pings;
    }

    /** Answers a ping and waits until the keep-alive has scheduled its next check. */
    private void answer(FakeConnection c, Ping ping) throws InterruptedException {
        int before = scheduler.queued();
        c.processStanza(IQ.createResultIQ(ping));
        assertThat(scheduler.awaitTasks(before + 1, WAIT))
                .as("next check scheduled")
                .isTrue();
    }

    @Test
    void smacksOwnPeriodicPingIsReplaced() throws Exception {
        FakeConnection c = FakeConnection.online();
        supervise(c, POLICY);
        assertThat(PingManager.getInstanceFor(c).getPingInterval()).isEqualTo(-1);
    }

    @Test
    void anIdleConnectionIsPingedAfterTheIntervalAndAnAnswerKeepsIt() throws Exception {
        FakeConnection c = FakeConnection.online();
        c.receivedAt(scheduler.clock.millis());
        supervise(c, POLICY);

        scheduler.advance(INTERVAL.minusMillis(1));
        assertThat(pings(c)).as("not before the interval").isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        List<Ping> first = pings(c);
        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.getType()).isEqualTo(IQ.Type.get);
            assertThat(String.valueOf(p.getTo())).isEqualTo("example.org");
        });

        answer(c, first.get(0));
        c.receivedAt(scheduler.clock.millis());
        scheduler.advance(INTERVAL.minusMillis(1));
        assertThat(pings(c)).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(pings(c)).as("the next ping, one interval later").hasSize(1);
        assertThat(events).isEmpty();
    }

    @Test
    void trafficPostponesThePingToOneIntervalAfterTheLastStanza() throws Exception {
        FakeConnection c = FakeConnection.online();
        c.receivedAt(scheduler.clock.millis());
        supervise(c, POLICY);
        scheduler.advance(Duration.ofSeconds(10));
        c.receivedAt(scheduler.clock.millis());

        scheduler.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(pings(c)).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(pings(c)).hasSize(1);
    }

    @Test
    void aConnectionThatNeverReceivedAnythingIsPinged() throws Exception {
        FakeConnection c = FakeConnection.online();
        supervise(c, POLICY);
        scheduler.advance(INTERVAL);
        assertThat(pings(c)).hasSize(1);
    }

    @Test
    void onePingAtATime() throws Exception {
        FakeConnection c = FakeConnection.online();
        c.setReplyTimeout(Duration.ofHours(1).toMillis());
        supervise(c, POLICY);
        scheduler.advance(INTERVAL);
        List<Ping> first = pings(c);
        assertThat(first).hasSize(1);

        scheduler.advance(INTERVAL.multipliedBy(3));
        assertThat(pings(c)).as("the first ping is still unanswered").isEmpty();

        answer(c, first.get(0));
        scheduler.advance(INTERVAL);
        assertThat(pings(c)).hasSize(1);
    }

    @Test
    void aPingWithoutAnswerMeansTheConnectionIsDeadAndItIsReconnected() throws Exception {
        FakeConnection c = FakeConnection.online();
        c.setReplyTimeout(NO_ANSWER_TIMEOUT_MS);
        ConnectionSupervisor s = supervise(c, POLICY);
        scheduler.advance(INTERVAL);
        assertThat(pings(c)).hasSize(1);

        // Smack's reply timeout fails the ping: the keep-alive reports the connection dead and reschedules
        assertThat(scheduler.awaitTasks(2, WAIT)).isTrue();
        scheduler.runDue();

        assertThat(c.instantShutdowns).as("the dead connection is shut down").isEqualTo(1);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Offline", "Reconnecting", "Restored");
        ConnectionEvent.Offline offline = (ConnectionEvent.Offline) events.get(0);
        assertThat(offline.cause())
                .isInstanceOf(IOException.class)
                .hasMessage("no answer to the keep-alive ping (XEP-0199) within 500 ms; the connection is dead");
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.ONLINE);
    }

    @Test
    void aPingInFlightWhenTheConnectionIsLostIsIgnored() throws Exception {
        FakeConnection c = FakeConnection.online();
        c.setReplyTimeout(Duration.ofHours(1).toMillis());
        supervise(c, POLICY);
        scheduler.advance(INTERVAL);
        assertThat(pings(c)).hasSize(1);

        c.lose(new IOException("cut"));
        scheduler.runDue();

        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Offline", "Reconnecting", "Restored");
        assertThat(c.instantShutdowns)
                .as("no keep-alive failure on top of the loss")
                .isZero();
        c.drainSent();
        scheduler.advance(INTERVAL);
        assertThat(pings(c)).as("the keep-alive goes on after the reconnect").hasSize(1);
    }

    @Test
    void anOfflineConnectionIsNotPinged() throws Exception {
        FakeConnection c = FakeConnection.online();
        supervise(c, ReconnectPolicy.disabled().withKeepAlive(INTERVAL));
        c.lose(new IOException("cut"));
        scheduler.advance(INTERVAL.multipliedBy(3));
        c.connect().login();
        scheduler.runDue();
        c.drainSent();
        assertThat(scheduler.queued())
                .as("the keep-alive still waits for the connection")
                .isEqualTo(1);
        scheduler.advance(INTERVAL);
        assertThat(pings(c)).as("online again: pinged").hasSize(1);
    }

    @Test
    void aNewIntervalReplacesTheOldAndZeroOrCloseStopsTheKeepAlive() throws Exception {
        FakeConnection c = FakeConnection.online();
        ConnectionSupervisor s = supervise(c, POLICY);
        s.setPolicy(POLICY.withKeepAlive(Duration.ofSeconds(10)));
        assertThat(scheduler.queued()).as("one check").isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(pings(c)).hasSize(1);

        s.setPolicy(POLICY.withKeepAlive(Duration.ZERO));
        assertThat(scheduler.queued()).isZero();
        s.setPolicy(POLICY);
        s.close();
        scheduler.runDue();
        assertThat(scheduler.queued()).as("closed: no check left").isZero();
        scheduler.advance(INTERVAL.multipliedBy(3));
        assertThat(pings(c)).isEmpty();
    }

    @Test
    void aShutDownSchedulerGetsNoChecks() throws Exception {
        FakeConnection c = FakeConnection.online();
        ConnectionSupervisor s = new ConnectionSupervisor(c, scheduler, scheduler.clock);
        scheduler.shutdown();
        s.setPolicy(POLICY);
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aPingFailingAfterTheLossChangesNothing() throws Exception {
        FakeConnection c = FakeConnection.online();
        c.setReplyTimeout(NO_ANSWER_TIMEOUT_MS);
        supervise(c, POLICY);
        scheduler.advance(INTERVAL);
        assertThat(scheduler.awaitTasks(2, WAIT)).isTrue();
        IOException cut = new IOException("cut");
        c.lose(cut);
        scheduler.runDue();

        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Offline", "Reconnecting", "Restored");
        assertThat(((ConnectionEvent.Offline) events.get(0)).cause()).isSameAs(cut);
        assertThat(c.instantShutdowns).isZero();
    }
}
