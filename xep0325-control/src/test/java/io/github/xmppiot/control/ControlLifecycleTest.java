package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The manager convention on {@link ControlServer} and {@link ControlClient} (docs/CONVENTIONS.md "Managers"): settings
 * swapped atomically and seen by the next request, the executors named in the settings running the work, and a
 * {@code close()} that gives the lease back, stops serving and lets {@code getInstanceFor} start afresh.
 */
class ControlLifecycleTest {

    private final Devices devices = new Devices();
    private DummyConnection thingConnection;
    private DummyConnection clientConnection;
    private ControlServer server;
    private ControlClient client;
    private Jid thing;

    @BeforeEach
    void setUp() throws Exception {
        thingConnection = connected("lamp");
        clientConnection = connected("owner");
        thing = thingConnection.getUser();
        server = ControlServer.getInstanceFor(thingConnection)
                .configure(ControlServerSettings.builder()
                        .things(ThingDirectory.of(devices.digitalOutput("A")))
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .build());
        client = ControlClient.getInstanceFor(clientConnection);
    }

    @AfterEach
    void tearDown() {
        server.close();
        client.close();
        thingConnection.instantShutdown();
        clientConnection.instantShutdown();
    }

    private static DummyConnection connected(String user) throws Exception {
        DummyConnection c = new DummyConnection(user, "example.org", "res");
        c.connect();
        c.login();
        return c;
    }

    private static void relay(DummyConnection from, DummyConnection to) throws Exception {
        Stanza sent = from.getSentPacket();
        assertThat(sent).as("a stanza sent by " + from.getUser()).isNotNull();
        sent.setFrom(from.getUser());
        to.processStanza(PacketParserUtils.parseStanza(sent.toXML().toString()));
    }

    private <T> T roundTrip(CompletableFuture<T> answer) throws Exception {
        relay(clientConnection, thingConnection);
        relay(thingConnection, clientConnection);
        return answer.get(10, TimeUnit.SECONDS);
    }

    private ControlException refusal(CompletableFuture<?> answer) throws Exception {
        try {
            Object v = roundTrip(answer);
            throw new AssertionError("expected a refusal, got " + v);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ControlException.class);
            return (ControlException) e.getCause();
        }
    }

    /** A Thing whose one parameter records the name of the thread that applied it. */
    private static Thing threadRecorder(CompletableFuture<String> appliedOn) {
        return Thing.builder("T")
                .parameter(ControlParameter.builder("Output", ValueType.BOOLEAN)
                        .onSet(v -> appliedOn.complete(Thread.currentThread().getName()))
                        .build())
                .build();
    }

    @Test
    void theNextRequestIsServedWithTheSettingsConfiguredBeforeIt() throws Exception {
        roundTrip(client.set(thing, "Output", true));
        server.update(s -> s.things(ThingDirectory.of(devices.digitalOutput("B"))));
        roundTrip(client.set(thing, "Output", false));
        assertThat(devices.writes).containsExactly("A/Output=true", "B/Output=false");

        server.update(s -> s.accessPolicy(r -> CompletableFuture.failedFuture(new IllegalStateException("no"))));
        assertThat(server.settings().things().all())
                .extracting(t -> t.node().nodeId())
                .containsExactly("B");
        assertThat(refusal(client.set(thing, "Output", true)).condition())
                .isEqualTo(StanzaError.Condition.internal_server_error);
        assertThat(devices.writes).hasSize(2);
    }

    @Test
    void withoutAPolicyInTheSettingsTheFriendsOfTheConnectionDecide() {
        AccessPolicy given = AccessPolicy.allowEveryone();
        assertThat(server.update(s -> s.accessPolicy(given)).accessPolicy()).isSameAs(given);
        server.update(s -> s.accessPolicy(null));
        assertThat(server.settings().accessPolicy()).isEmpty();
        assertThat(server.accessPolicy())
                .as("the friends of the connection")
                .isNotNull()
                .isNotSameAs(given);
        assertThat(server.accessPolicy()).as("one friends policy per server").isSameAs(server.accessPolicy());
    }

    @Test
    void theExecutorsOfTheSettingsRunTheControlActionsAndCompleteTheClientsFutures() throws Exception {
        IotExecutors thingPool =
                IotExecutors.builder().name("thing-x").workThreads(2).build();
        IotExecutors clientPool =
                IotExecutors.builder().name("client-x").workThreads(1).build();
        CompletableFuture<String> appliedOn = new CompletableFuture<>();
        server.update(
                s -> s.things(ThingDirectory.of(threadRecorder(appliedOn))).executors(thingPool));
        client.update(s -> s.executors(clientPool).replyTimeout(Duration.ofSeconds(5)));
        assertThat(thingPool.activeLeases()).isEqualTo(1);
        assertThat(clientPool.activeLeases()).isEqualTo(1);

        CompletableFuture<String> completedOn = client.set(thing, "Output", true)
                .thenApply(r -> Thread.currentThread().getName());
        assertThat(roundTrip(completedOn)).startsWith("client-x-work-");
        assertThat(appliedOn.get(10, TimeUnit.SECONDS)).startsWith("thing-x-work-");

        server.update(s -> s.executors(IotExecutors.shared()));
        client.update(s -> s.executors(IotExecutors.shared()));
        // each request holds its lease until it is answered, and the hold ends just after the answer is sent
        ConnectionEventRecorder.eventually(
                "the Thing's pool given back when the settings name others",
                Duration.ofSeconds(10),
                () -> thingPool.activeLeases() == 0);
        ConnectionEventRecorder.eventually(
                "the client's pool given back", Duration.ofSeconds(10), () -> clientPool.activeLeases() == 0);
    }

    @Test
    void aTaskThePoolRefusesIsAnsweredWithResourceConstraint() throws Exception {
        ExecutorService dead = Executors.newSingleThreadExecutor();
        dead.shutdown();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            server.update(s -> s.executors(IotExecutors.of(dead, timer)));
            ControlException e = refusal(client.set(thing, "Output", true));
            assertThat(e.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
            assertThat(e.type()).isEqualTo(StanzaError.Type.WAIT);
            ControlException form = refusal(client.getForm(thing));
            assertThat(form.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
            assertThat(devices.writes).isEmpty();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aTimerThatRefusesIsAnsweredWithResourceConstraintToo() throws Exception {
        ExecutorService work = Executors.newSingleThreadExecutor();
        ScheduledExecutorService dead = Executors.newSingleThreadScheduledExecutor();
        dead.shutdown();
        try {
            server.update(s -> s.executors(IotExecutors.of(work, dead)));
            ControlException e = refusal(client.set(thing, "Output", true));
            assertThat(e.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
            assertThat(devices.writes).isEmpty();
        } finally {
            work.shutdownNow();
        }
    }

    @Test
    void aClientWhosePoolRefusesStillCompletesItsFutures() throws Exception {
        ExecutorService dead = Executors.newSingleThreadExecutor();
        dead.shutdown();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            client.update(s -> s.executors(IotExecutors.of(dead, timer)));
            assertThat(roundTrip(client.set(thing, "Output", true))).isEqualTo(SetResult.asRequested());
            server.update(s -> s.accessPolicy(r -> CompletableFuture.failedFuture(new IllegalStateException("no"))));
            assertThat(refusal(client.set(thing, "Output", false)).condition())
                    .isEqualTo(StanzaError.Condition.internal_server_error);
            assertThat(devices.writes).containsExactly("A/Output=true");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void closeGivesTheLeaseBackStopsServingAndIsIdempotent() throws Exception {
        IotExecutors pool = IotExecutors.builder().name("closing").build();
        server.update(s -> s.executors(pool));
        assertThat(pool.activeLeases()).isEqualTo(1);

        server.close();
        server.close();
        assertThat(pool.activeLeases()).isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(thingConnection).includesFeature(ControlServer.NAMESPACE))
                .isFalse();
        assertThatThrownBy(() -> server.update(s -> s.things(new ThingDirectory())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");

        // no handler any more: Smack itself refuses the request, nothing is applied
        ControlException refused = refusal(client.set(thing, "Output", true));
        assertThat(refused.condition()).isNotEqualTo(StanzaError.Condition.resource_constraint);
        assertThat(devices.writes).isEmpty();
    }

    @Test
    void twoServersConfiguredWithTheDefaultsShareNoDirectory() {
        ControlServer one = server.configure(ControlServerSettings.DEFAULTS);
        ControlServer two = ControlServer.getInstanceFor(clientConnection)
                .configure(ControlServerSettings.DEFAULTS.toBuilder()
                        .maxQueuedRequests(5)
                        .build());
        try {
            assertThat(one.settings().things())
                    .isNotSameAs(two.settings().things())
                    .isNotSameAs(ControlServerSettings.DEFAULTS.things());
            one.settings().things().add(devices.digitalOutput("OnlyOne"));
            assertThat(two.settings().things().all())
                    .as("the other server's directory")
                    .isEmpty();
            assertThat(ControlServerSettings.DEFAULTS.things().all()).isEmpty();
            ThingDirectory kept = one.settings().things();
            one.update(s -> s.maxQueuedRequests(7));
            assertThat(one.settings().things())
                    .as("an update keeps the server's own directory")
                    .isSameAs(kept);
        } finally {
            two.close();
        }
    }

    @Test
    void afterCloseGetInstanceForGivesAFreshServerThatServes() throws Exception {
        server.close();
        ControlServer fresh = ControlServer.getInstanceFor(thingConnection);
        assertThat(fresh).isNotSameAs(server);
        assertThat(fresh.settings().things().all())
                .as("a fresh server starts without Things")
                .isEmpty();
        assertThat(ServiceDiscoveryManager.getInstanceFor(thingConnection).includesFeature(ControlServer.NAMESPACE))
                .isTrue();
        fresh.update(s ->
                s.things(ThingDirectory.of(devices.digitalOutput("C"))).accessPolicy(AccessPolicy.allowEveryone()));
        roundTrip(client.set(thing, "Output", true));
        assertThat(devices.writes).containsExactly("C/Output=true");
        server = fresh; // closed by tearDown
    }

    @Test
    void aClosedClientRefusesNewRequestsAndAFreshOneWorks() throws Exception {
        IotExecutors pool = IotExecutors.builder().name("client-closing").build();
        client.update(s -> s.executors(pool));
        client.close();
        client.close();
        assertThat(pool.activeLeases()).isZero();
        assertThatThrownBy(() -> client.set(thing, "Output", true).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");
        assertThatThrownBy(() -> client.setByMessage(
                                thing,
                                ControlRequest.builder().set("Output", true).build())
                        .get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.update(s -> s.replyTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class);

        ControlClient fresh = ControlClient.getInstanceFor(clientConnection);
        assertThat(fresh).isNotSameAs(client);
        assertThat(roundTrip(fresh.set(thing, "Output", true))).isEqualTo(SetResult.asRequested());
        client = fresh; // closed by tearDown
    }

    @Test
    void aFreshServerTakesALeaseFromTheSharedExecutors() {
        int before = IotExecutors.shared().activeLeases();
        server.close();
        assertThat(IotExecutors.shared().activeLeases()).isEqualTo(before - 1);
        server = ControlServer.getInstanceFor(thingConnection);
        assertThat(IotExecutors.shared().activeLeases()).isEqualTo(before);
        assertThat(server.settings().executors()).isSameAs(IotExecutors.shared());
    }
}
