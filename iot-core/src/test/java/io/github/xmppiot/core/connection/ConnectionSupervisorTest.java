package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.packet.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supervisor over a connection without a network ({@link FakeConnection}) and a scheduler on a virtual clock
 * ({@link ManualScheduler}): every attempt, delay and event of a loss, from the first report to Restored or GaveUp.
 */
class ConnectionSupervisorTest {

    static final ReconnectPolicy POLICY = ReconnectPolicy.defaults()
            .withDelays(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .withBackoff(2.0, 0.0)
            .withKeepAlive(Duration.ZERO);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ConnectionEvent> events = new ArrayList<>();

    private ConnectionSupervisor supervise(FakeConnection c, ReconnectPolicy policy) {
        ConnectionSupervisor s = new ConnectionSupervisor(c, scheduler, scheduler.clock);
        s.addListener(events::add);
        s.setPolicy(policy);
        return s;
    }

    private List<ConnectionEvent> takeEvents() {
        scheduler.runDue();
        List<ConnectionEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    @Test
    void aLoginIsReportedOnlineWithTheFullJid() throws Exception {
        FakeConnection c = new FakeConnection();
        ConnectionSupervisor s = supervise(c, POLICY);
        assertThat(s.state()).as("not logged in yet").isEqualTo(ConnectionSupervisor.State.OFFLINE);
        assertThat(s.policy()).isEqualTo(POLICY);

        c.connect().login();

        assertThat(takeEvents()).singleElement().isInstanceOfSatisfying(ConnectionEvent.Online.class, e -> {
            assertThat(e.jid()).isEqualTo("sensor@example.org/r1");
            assertThat(e.at()).isEqualTo(scheduler.clock.instant());
        });
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.ONLINE);
    }

    @Test
    void aConnectionLoggedInAlreadyStartsOnline() throws Exception {
        FakeConnection c = FakeConnection.online();
        ConnectionSupervisor s = supervise(c, POLICY);
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.ONLINE);
        CompletableFuture<String> request = s.failFast(new CompletableFuture<>());
        assertThat(request).as("online: the request waits for its answer").isNotDone();
        request.complete("answer");
        assertThat(request).isCompletedWithValue("answer");
    }

    @Test
    void aLossFailsRequestsAtOnceAndTheFirstAttemptRestoresAFreshSessionWithTheSameResource() throws Exception {
        FakeConnection c = FakeConnection.online();
        ConnectionSupervisor s = supervise(c, POLICY);
        CompletableFuture<String> inFlight = s.failFast(new CompletableFuture<>());
        IOException cut = new IOException("connection reset\nsecond line");

        c.lose(cut);

        assertThat(inFlight).as("failed before the supervisor thread ran").isCompletedExceptionally();
        assertThatThrownBy(inFlight::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ConnectionLostException.class)
                .hasMessage("connection lost: IOException: connection reset")
                .hasCause(cut);
        assertThat(s.allowsSending()).as("nothing is written during the outage").isFalse();

        List<ConnectionEvent> got = takeEvents();
        assertThat(got).hasSize(3);
        assertThat(got.get(0)).isEqualTo(new ConnectionEvent.Offline(scheduler.clock.instant(), cut));
        assertThat(got.get(1)).isEqualTo(new ConnectionEvent.Reconnecting(scheduler.clock.instant(), 1, Duration.ZERO));
        assertThat(got.get(2))
                .isEqualTo(new ConnectionEvent.Restored(
                        scheduler.clock.instant(), Duration.ZERO, false, 1, "sensor@example.org/r1"));
        assertThat(c.loginResources).as("the resource bound before").last().hasToString("r1");
        assertThat(c.instantShutdowns)
                .as("a successful attempt is not shut down")
                .isZero();
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.ONLINE);
        assertThat(s.allowsSending()).isTrue();
        assertThat(s.failFast(new CompletableFuture<>())).as("online again").isNotDone();
    }

    @Test
    void failedAttemptsBackOffUpToTheCapAndReportTheDowntime() throws Exception {
        FakeConnection c = FakeConnection.online();
        ConnectionSupervisor s = supervise(c, POLICY);
        List<Boolean> sendingDuringAttempt = new ArrayList<>();
        c.onConnect = () -> sendingDuringAttempt.add(s.allowsSending());
        IOException refused = new IOException("refused");
        for (int i = 0; i < 4; i++) {
            c.connectFailures.add(refused);
        }
        c.lose(new IOException("cut"));
        scheduler.runDue();
        assertThat(events.remove(0)).isInstanceOf(ConnectionEvent.Offline.class);
        assertThat(events.remove(0))
                .isEqualTo(new ConnectionEvent.Reconnecting(scheduler.clock.instant(), 1, Duration.ZERO));
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.RECONNECTING);
        CompletableFuture<Object> whileDown = s.failFast(new CompletableFuture<>());
        assertThatThrownBy(whileDown::join)
                .cause()
                .isInstanceOf(ConnectionLostException.class)
                .hasMessage("not connected (reconnecting)")
                .hasCause(refused);
        assertThat(c.instantShutdowns)
                .as("a failed attempt is shut down (by Smack's connect and again)")
                .isEqualTo(2);

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ConnectionEvent.Reconnecting next = (ConnectionEvent.Reconnecting) events.remove(0);
            assertThat(next.attempt()).isEqualTo(i + 2);
            delays.add(next.delay());
            scheduler.advance(next.delay().minusMillis(1));
            assertThat(c.connects).as("not before the delay").isEqualTo(i + 2);
            scheduler.advance(Duration.ofMillis(1));
            assertThat(c.connects).isEqualTo(i + 3);
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(sendingDuringAttempt).as("the attempt itself may write").containsOnly(true);
        assertThat(events)
                .singleElement()
                .isEqualTo(new ConnectionEvent.Restored(
                        scheduler.clock.instant(), Duration.ofSeconds(9), false, 5, "sensor@example.org/r1"));
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.ONLINE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.xmppiot.core.connection.SupervisorOutages#outages")
    void anOutageEndsAsThePolicySays(SupervisorOutages.Outage o) throws Exception {
        FakeConnection c = FakeConnection.online();
        SupervisorOutages.Run r = new SupervisorOutages.Run(c, supervise(c, o.policy()), scheduler, events);
        o.arrange().run(r);
        o.end().run(r);
        r.at = scheduler.clock.instant();
        o.atOnce().run(r);
        scheduler.advance(o.runFor());
        r.got = takeEvents();
        assertThat(r.got).extracting(e -> e.getClass().getSimpleName()).containsExactlyElementsOf(o.kinds());
        assertThat(c.connects).isEqualTo(o.connects());
        assertThat(r.s.state()).isEqualTo(o.state());
        o.after().run(r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.xmppiot.core.connection.SupervisorOutages#duringBackoff")
    void duringTheBackoff(SupervisorOutages.DuringBackoff b) throws Exception {
        FakeConnection c = FakeConnection.online();
        SupervisorOutages.Run r = new SupervisorOutages.Run(c, supervise(c, POLICY), scheduler, events);
        c.connectFailures.add(new IOException("refused"));
        c.lose(new IOException("cut"));
        assertThat(takeEvents())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Offline", "Reconnecting", "Reconnecting");
        assertThat(scheduler.queued()).as("the second attempt").isEqualTo(1);
        scheduler.advance(b.pause());
        b.act().run(r);
        r.at = scheduler.clock.instant();
        b.atOnce().run(r);
        scheduler.advance(b.runFor());
        assertThat(c.connects).as("no attempt but those expected").isEqualTo(b.connects());
        assertThat(r.s.state()).isEqualTo(b.state());
        b.after().run(r);
    }

    @Test
    void anInterruptedAttemptLeavesTheThreadClean() throws Exception {
        FakeConnection c = FakeConnection.online();
        supervise(c, POLICY);
        c.connectFailures.add(new InterruptedException("stop"));
        c.onConnect = () -> Thread.currentThread().interrupt();
        c.lose(new IOException("cut"));
        takeEvents();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the next attempt starts without the interrupt")
                .isFalse();
        c.onConnect = () -> {};
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(takeEvents()).last().isInstanceOf(ConnectionEvent.Restored.class);
    }

    @Test
    void closingAnOnlineConnectionSendsUnavailableAndReportsOfflineOnce() throws Exception {
        FakeConnection c = FakeConnection.online();
        ConnectionSupervisor s = supervise(c, POLICY);
        s.close();
        assertThat(c.isConnected()).as("closed on the supervisor thread").isTrue();
        scheduler.runDue();
        assertThat(c.isConnected()).isFalse();
        assertThat(c.drainSent())
                .singleElement()
                .isInstanceOfSatisfying(
                        Presence.class, p -> assertThat(p.getType()).isEqualTo(Presence.Type.unavailable));
        assertThat(takeEvents()).containsExactly(new ConnectionEvent.Offline(scheduler.clock.instant(), null));
    }

    @Test
    void closingANeverConnectedConnectionReportsNothing() {
        FakeConnection c = new FakeConnection();
        ConnectionSupervisor s = supervise(c, POLICY);
        s.close();
        assertThat(takeEvents()).isEmpty();
        assertThat(s.state()).isEqualTo(ConnectionSupervisor.State.OFFLINE);
    }

    @Test
    void aFailingListenerDoesNotKeepTheEventFromTheOthersAndRemovedListenersHearNothing() throws Exception {
        FakeConnection c = new FakeConnection();
        ConnectionSupervisor s = supervise(c, POLICY);
        List<ConnectionEvent> second = new ArrayList<>();
        ConnectionStateListener failing = e -> {
            throw new IllegalStateException("listener bug");
        };
        events.clear();
        s.removeListener(events::add); // a different lambda: nothing removed
        ConnectionStateListener removed = second::add;
        s.addListener(failing);
        s.addListener(second::add);
        s.addListener(removed);
        s.removeListener(removed);
        assertThatThrownBy(() -> s.addListener(null)).isInstanceOf(NullPointerException.class);

        List<java.util.logging.LogRecord> logged = new ArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(ConnectionSupervisor.class.getName());
        log.addHandler(handler);
        try {
            c.connect().login();
            scheduler.runDue();
        } finally {
            log.removeHandler(handler);
        }

        assertThat(events).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(logged)
                .filteredOn(r -> r.getLevel() == java.util.logging.Level.WARNING)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getMessage()).contains("connection state listener failed on Online");
                    assertThat(r.getThrown()).hasMessage("listener bug");
                });
    }

    @Test
    void theSupervisorIsOnePerConnection() {
        FakeConnection c = new FakeConnection();
        assertThat(ConnectionSupervisor.existing(c)).isNull();
        ConnectionSupervisor s = ConnectionSupervisor.getInstanceFor(c);
        assertThat(ConnectionSupervisor.getInstanceFor(c)).isSameAs(s);
        assertThat(ConnectionSupervisor.existing(c)).isSameAs(s);
        assertThat(s.policy().enabled())
                .as("reconnection is off unless asked for")
                .isFalse();
        assertThatThrownBy(
                        () -> ConnectionSupervisor.register(new ConnectionSupervisor(c, scheduler, scheduler.clock), c))
                .isInstanceOf(IllegalStateException.class);
        FakeConnection other = new FakeConnection();
        ConnectionSupervisor mine = new ConnectionSupervisor(other, scheduler, scheduler.clock);
        assertThat(ConnectionSupervisor.register(mine, other)).isSameAs(mine);
        assertThat(ConnectionSupervisor.getInstanceFor(other)).isSameAs(mine);
    }

    @Test
    void theSupervisorThreadIsANamedDaemonThatEndsWhenIdle() throws Exception {
        FakeConnection c = new FakeConnection();
        var executor = SupervisorThread.executor(c);
        try {
            Thread t = executor.submit(Thread::currentThread).get();
            assertThat(t.getName()).isEqualTo(SupervisorThread.name(c)).startsWith("xmpp-iot-supervisor-example.org-");
            assertThat(t.isDaemon()).as("never keeps the JVM alive").isTrue();
            assertThat(executor.allowsCoreThreadTimeOut()).as("ends when idle").isTrue();
            assertThat(executor.getKeepAliveTime(java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(SupervisorThread.IDLE_SECONDS);
            assertThat(executor.getRemoveOnCancelPolicy())
                    .as("a cancelled attempt leaves the queue")
                    .isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
