package io.github.xmppiot.core.connection;

import static io.github.xmppiot.core.connection.ConnectionSupervisorTest.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza.SASLFailure;

/**
 * The cases of {@link ConnectionSupervisorTest}'s parameterised tests: how an outage ends under a policy, and what
 * happens during the backoff. Each case keeps every check the single test it replaces made.
 */
final class SupervisorOutages {

    private SupervisorOutages() {}

    /** What a case of the parameterised tests works on: the connection, its supervisor, what it keeps between steps. */
    static final class Run {
        final FakeConnection c;
        final ConnectionSupervisor s;
        final ManualScheduler scheduler;
        private final List<ConnectionEvent> events;
        /** A request sent before the end, if the case sends one. */
        CompletableFuture<Object> inFlight;
        /** The virtual time the session ended (or the case acted). */
        Instant at;
        /** The events of the outage, by the time the clock ran. */
        List<ConnectionEvent> got;

        Run(FakeConnection c, ConnectionSupervisor s, ManualScheduler scheduler, List<ConnectionEvent> events) {
            this.c = c;
            this.s = s;
            this.scheduler = scheduler;
            this.events = events;
        }

        /** Runs what is due and returns the events since the last call. */
        List<ConnectionEvent> take() {
            scheduler.runDue();
            List<ConnectionEvent> copy = List.copyOf(events);
            events.clear();
            return copy;
        }

        /** @return the virtual time now */
        Instant now() {
            return scheduler.clock.instant();
        }

        ConnectionEvent.GaveUp gaveUp() {
            return (ConnectionEvent.GaveUp) got.get(got.size() - 1);
        }
    }

    /** One step of a case. */
    @FunctionalInterface
    interface Step {
        void run(Run r) throws Exception;

        Step NOTHING = r -> {};
    }

    /**
     * An online session ends (a loss or a disconnect, after {@code arrange} prepared the next attempts); {@code atOnce}
     * checks what holds before the supervisor thread runs; the clock runs for {@code runFor}; then the kinds of the
     * events, the connects (the first login included), the state, and {@code after}.
     */
    record Outage(
            String name,
            ReconnectPolicy policy,
            Step arrange,
            Step end,
            Step atOnce,
            Duration runFor,
            List<String> kinds,
            int connects,
            ConnectionSupervisor.State state,
            Step after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Outage> outages() {
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        SASLErrorException refused = new SASLErrorException("SCRAM-SHA-1", new SASLFailure("not-authorized"));
        IOException cut = new IOException("cut");
        Step lose = r -> r.c.lose(cut);
        return List.of(
                new Outage(
                        "the attempt limit ends in GaveUp with the last error",
                        POLICY.withMaxAttempts(2),
                        r -> {
                            r.c.connectFailures.add(first);
                            r.c.connectFailures.add(second);
                        },
                        lose,
                        Step.NOTHING,
                        Duration.ofMinutes(5),
                        List.of("Offline", "Reconnecting", "Reconnecting", "GaveUp"),
                        3,
                        ConnectionSupervisor.State.OFFLINE,
                        r -> {
                            assertThat(r.got).hasSize(4);
                            assertThat(r.gaveUp().cause()).isSameAs(second);
                            assertThat(r.gaveUp().reason())
                                    .isEqualTo("no connection after 2 attempts (the policy's limit); check the server "
                                            + "and the network, then start again");
                            assertThat(r.s.allowsSending())
                                    .as("given up: sending fails in Smack, not here")
                                    .isTrue();
                            assertThatThrownBy(r.s.failFast(new CompletableFuture<>())::join)
                                    .cause()
                                    .hasMessage("not connected")
                                    .hasCause(second);
                        }),
                new Outage(
                        "a refused password stops at once",
                        POLICY,
                        r -> r.c.loginFailures.add(refused),
                        lose,
                        Step.NOTHING,
                        Duration.ofMinutes(5),
                        List.of("Offline", "Reconnecting", "GaveUp"),
                        2,
                        ConnectionSupervisor.State.OFFLINE,
                        r -> {
                            assertThat(r.gaveUp().cause()).isSameAs(refused);
                            assertThat(r.gaveUp().reason())
                                    .isEqualTo("the server refused the credentials (not-authorized); fix the account's "
                                            + "password or JID, then start again");
                            assertThat(r.c.instantShutdowns).isEqualTo(1);
                        }),
                new Outage(
                        "an unexpected error in an attempt leads to the next attempt",
                        POLICY,
                        r -> r.c.onConnect = () -> {
                            if (r.c.connects == 2) {
                                throw new AssertionError("Smack's internal assertion");
                            }
                        },
                        lose,
                        Step.NOTHING,
                        Duration.ofSeconds(1),
                        List.of("Offline", "Reconnecting", "Reconnecting", "Restored"),
                        3,
                        ConnectionSupervisor.State.ONLINE,
                        r -> assertThat(((ConnectionEvent.Restored) r.got.get(3)).attempts())
                                .isEqualTo(2)),
                new Outage(
                        "with reconnection off a loss is only reported",
                        ReconnectPolicy.disabled().withKeepAlive(Duration.ZERO),
                        Step.NOTHING,
                        lose,
                        r -> assertThat(r.s.allowsSending()).isTrue(),
                        Duration.ofMinutes(1),
                        List.of("Offline"),
                        1,
                        ConnectionSupervisor.State.OFFLINE,
                        r -> assertThat(r.got).containsExactly(new ConnectionEvent.Offline(r.at, cut))),
                new Outage(
                        "a disconnect by the application is not a loss",
                        POLICY,
                        r -> r.inFlight = r.s.failFast(new CompletableFuture<>()),
                        r -> r.c.disconnect(),
                        r -> {
                            assertThatThrownBy(r.inFlight::join)
                                    .cause()
                                    .isInstanceOf(ConnectionLostException.class)
                                    .hasMessage("connection closed")
                                    .hasNoCause();
                            assertThat(r.s.allowsSending()).isTrue();
                        },
                        Duration.ofMinutes(1),
                        List.of("Offline"),
                        1,
                        ConnectionSupervisor.State.OFFLINE,
                        r -> assertThat(r.got).containsExactly(new ConnectionEvent.Offline(r.at, null))),
                new Outage(
                        "closing what is left of a stale stream is not reported as closed",
                        POLICY,
                        r -> r.c.lossKeepsConnected = true,
                        r -> r.c.lose(new IOException("stream error")),
                        Step.NOTHING,
                        Duration.ZERO,
                        List.of("Offline", "Reconnecting", "Restored"),
                        2,
                        ConnectionSupervisor.State.ONLINE,
                        r -> {
                            r.c.disconnect();
                            assertThat(r.take())
                                    .as("after the reset, closing is reported again")
                                    .containsExactly(new ConnectionEvent.Offline(r.now(), null));
                        }));
    }

    /**
     * During the backoff after a failed first attempt (the second is due in a second), something happens: {@code act},
     * after {@code pause}. {@code atOnce} checks what holds before the clock runs for {@code runFor}; then the connects
     * (the first login included), the state, and {@code after}.
     */
    record DuringBackoff(
            String name,
            Duration pause,
            Step act,
            Step atOnce,
            Duration runFor,
            int connects,
            ConnectionSupervisor.State state,
            Step after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<DuringBackoff> duringBackoff() {
        Step nothingMore = r -> assertThat(r.take()).as("nothing more").isEmpty();
        return List.of(
                new DuringBackoff(
                        "closing disconnects once and cancels the pending attempt",
                        Duration.ZERO,
                        r -> {
                            r.s.close();
                            r.s.close();
                        },
                        Step.NOTHING,
                        Duration.ofMinutes(1),
                        2,
                        ConnectionSupervisor.State.OFFLINE,
                        r -> {
                            assertThat(r.take()).containsExactly(new ConnectionEvent.Offline(r.at, null));
                            assertThat(r.s.policy().enabled()).isFalse();
                            r.c.connect().login();
                            r.c.lose(new IOException("again"));
                            r.scheduler.advance(Duration.ofMinutes(1));
                            assertThat(r.take())
                                    .extracting(e -> e.getClass().getSimpleName())
                                    .containsExactly("Online", "Offline");
                        }),
                new DuringBackoff(
                        "a login by the application restores and cancels the attempt",
                        Duration.ofMillis(400),
                        r -> r.c.connect().login(),
                        r -> {
                            assertThat(r.s.allowsSending()).isTrue();
                            assertThat(r.take())
                                    .containsExactly(new ConnectionEvent.Restored(
                                            r.at, Duration.ofMillis(400), false, 1, "sensor@example.org/r1"));
                        },
                        Duration.ofMinutes(1),
                        3,
                        ConnectionSupervisor.State.ONLINE,
                        nothingMore),
                new DuringBackoff(
                        "another loss reported changes nothing",
                        Duration.ZERO,
                        r -> r.c.lose(new IOException("reported again")),
                        r -> {
                            assertThat(r.take()).isEmpty();
                            assertThat(r.s.state()).isEqualTo(ConnectionSupervisor.State.RECONNECTING);
                        },
                        Duration.ofSeconds(1),
                        3,
                        ConnectionSupervisor.State.ONLINE,
                        r -> assertThat(r.take()).singleElement().isInstanceOf(ConnectionEvent.Restored.class)),
                new DuringBackoff(
                        "a disconnect ends the outage",
                        Duration.ZERO,
                        r -> r.c.disconnect(),
                        r -> {
                            assertThat(r.s.allowsSending()).isTrue();
                            assertThat(r.take()).containsExactly(new ConnectionEvent.Offline(r.at, null));
                        },
                        Duration.ofMinutes(1),
                        2,
                        ConnectionSupervisor.State.OFFLINE,
                        nothingMore));
    }
}
