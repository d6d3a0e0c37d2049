package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.SensorData;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.NumericValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The manager shape of docs/CONVENTIONS.md on XEP-0323: settings swapped atomically and seen by the next request,
 * read-outs on the executors the settings name, and {@code close()} giving everything back.
 */
class ManagerLifecycleTest {

    private static final long WAIT = 10;

    private Link link;
    private Jid thingJid;

    @BeforeEach
    void setUp() throws Exception {
        link = new Link();
        thingJid = link.thing.getUser();
    }

    @AfterEach
    void tearDown() {
        SensorDataServer.getInstanceFor(link.thing).close();
        SensorDataClient.getInstanceFor(link.client).close();
        link.close();
    }

    private static Thing thing(String nodeId, String value, List<String> threads) {
        return Thing.builder(nodeId)
                .sensor((scope, clock) -> {
                    threads.add(Thread.currentThread().getName());
                    return CompletableFuture.completedFuture(SensorData.of(
                            DateTimeValue.of(clock.instant()),
                            Field.momentary("Temperature", NumericValue.of(value, "°C"))));
                })
                .build();
    }

    private Readout read(SensorDataClient client, ReadoutRequest request) throws Exception {
        return client.read(thingJid, request).get(WAIT, TimeUnit.SECONDS);
    }

    private static String temperature(Readout r) {
        return r.field("Temperature").orElseThrow().field().value().lexical();
    }

    @Test
    void theNextRequestIsServedByTheSettingsConfigured() throws Exception {
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        SensorDataServer server = SensorDataServer.getInstanceFor(link.thing)
                .update(s -> s.things(ThingDirectory.of(thing("A", "1", threads)))
                        .accessPolicy(AccessPolicy.allowEveryone()));
        SensorDataClient client = SensorDataClient.getInstanceFor(link.client);
        SensorDataServerSettings before = server.settings();
        assertThat(temperature(read(client, ReadoutRequest.builder().momentary().build())))
                .isEqualTo("1");

        server.configure(before.toBuilder()
                .things(ThingDirectory.of(thing("A", "2", threads)))
                .build());

        assertThat(server.settings()).isNotEqualTo(before);
        assertThat(server.settings().accessPolicy()).isEqualTo(before.accessPolicy());
        assertThat(temperature(read(client, ReadoutRequest.builder().momentary().build())))
                .isEqualTo("2");
    }

    @Test
    void withoutAnAccessPolicyTheFriendsOfTheConnectionMayRead() {
        SensorDataServer server = SensorDataServer.getInstanceFor(link.thing);
        assertThat(server.settings().accessPolicy()).isEmpty();
        assertThat(server.accessPolicy()).as("AccessPolicy.friends(connection)").isNotNull();
        AccessPolicy everyone = AccessPolicy.allowEveryone();
        server.update(s -> s.accessPolicy(everyone));
        assertThat(server.accessPolicy()).isSameAs(everyone);
        server.update(SensorDataServerSettings.Builder::friendsOfConnection);
        assertThat(server.accessPolicy()).isNotSameAs(everyone);
        assertThat(server.settings().accessPolicy()).isEmpty();
    }

    @Test
    void readoutsRunOnTheExecutorsTheSettingsName() throws Exception {
        IotExecutors thingThreads = IotExecutors.builder().name("thing-x").build();
        IotExecutors clientThreads = IotExecutors.builder().name("client-y").build();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        Instant now = Instant.now();
        // a queued read-out (when a little ahead of the server's clock) is started by the timer on the work pool
        SensorDataServer.getInstanceFor(link.thing)
                .update(s -> s.things(ThingDirectory.of(thing("A", "1", threads)))
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .clock(Clock.fixed(now, ZoneOffset.UTC))
                        .executors(thingThreads));
        SensorDataClient client = SensorDataClient.getInstanceFor(link.client).update(s -> s.executors(clientThreads));
        assertThat(thingThreads.activeLeases()).isEqualTo(1);
        assertThat(clientThreads.activeLeases()).isEqualTo(1);
        List<String> listenerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

        Readout r = client.readout(
                        thingJid,
                        ReadoutRequest.builder()
                                .momentary()
                                .when(now.plusMillis(50))
                                .build(),
                        new ReadoutListener() {
                            @Override
                            public void onFields(List<ReadoutField> fields) {
                                listenerThreads.add(Thread.currentThread().getName());
                            }
                        })
                .result()
                .get(WAIT, TimeUnit.SECONDS);

        assertThat(r.queued()).isTrue();
        assertThat(temperature(r)).isEqualTo("1");
        assertThat(threads).singleElement().asString().startsWith("thing-x-work-");
        assertThat(listenerThreads).isNotEmpty().allMatch(t -> t.startsWith("client-y-work-"));
    }

    @Test
    void aRequestTheExecutorsRefuseIsAnsweredResourceConstraint() throws Exception {
        ExecutorService work = Executors.newSingleThreadExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.shutdown(); // every queued read-out is refused
        try {
            Instant now = Instant.now();
            SensorDataServer server = SensorDataServer.getInstanceFor(link.thing)
                    .update(s -> s.things(ThingDirectory.of(thing("A", "1", new ArrayList<>())))
                            .accessPolicy(AccessPolicy.allowEveryone())
                            .clock(Clock.fixed(now, ZoneOffset.UTC))
                            .executors(IotExecutors.of(work, timer)));
            CompletableFuture<Readout> f = SensorDataClient.getInstanceFor(link.client)
                    .read(
                            thingJid,
                            ReadoutRequest.builder()
                                    .momentary()
                                    .when(now.plusSeconds(60))
                                    .build());
            assertThatThrownBy(() -> f.get(WAIT, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(IotErrorException.class, x -> {
                        assertThat(x.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
                        assertThat(x.type()).isEqualTo(StanzaError.Type.WAIT);
                    });
            assertThat(server.activeReadouts()).as("nothing left in flight").isZero();
        } finally {
            work.shutdownNow();
        }
    }

    @Test
    void closeGivesEverythingBackAndALaterInstanceStartsFresh() throws Exception {
        IotExecutors thingThreads = IotExecutors.builder().name("thing-z").build();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThingDirectory things = ThingDirectory.of(thing("A", "1", threads));
        SensorDataServer server = SensorDataServer.getInstanceFor(link.thing)
                .update(s -> s.things(things)
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .executors(thingThreads));
        SensorDataClient client = SensorDataClient.getInstanceFor(link.client);
        assertThat(thingThreads.activeLeases()).isEqualTo(1);

        server.close();
        server.close(); // idempotent

        assertThat(server.isClosed()).isTrue();
        assertThat(thingThreads.activeLeases()).as("the lease is given back").isZero();
        assertThat(ServiceDiscoveryManager.getInstanceFor(link.thing).includesFeature(SensorDataServer.NAMESPACE))
                .isFalse();
        assertThatThrownBy(server::settings)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getInstanceFor");
        CompletableFuture<Readout> unanswered =
                client.read(thingJid, ReadoutRequest.builder().momentary().build());
        assertThatThrownBy(() -> unanswered.get(WAIT, TimeUnit.SECONDS))
                .as("Smack answers a request no handler is registered for")
                .cause()
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        x -> assertThat(x.condition())
                                .isIn(
                                        StanzaError.Condition.feature_not_implemented,
                                        StanzaError.Condition.service_unavailable));

        SensorDataServer fresh = SensorDataServer.getInstanceFor(link.thing);
        assertThat(fresh).isNotSameAs(server);
        assertThat(fresh.settings().things().size()).as("fresh settings").isZero();
        fresh.update(s -> s.things(things).accessPolicy(AccessPolicy.allowEveryone()));
        assertThat(temperature(read(client, ReadoutRequest.builder().momentary().build())))
                .isEqualTo("1");
        assertThat(thingThreads.activeLeases()).isZero();
    }

    @Test
    void twoServersConfiguredWithTheDefaultsShareNoDirectoryAndNoHistory() {
        SensorDataServer one = SensorDataServer.getInstanceFor(link.thing).configure(SensorDataServerSettings.DEFAULTS);
        SensorDataServer two = SensorDataServer.getInstanceFor(link.client)
                .configure(SensorDataServerSettings.DEFAULTS.toBuilder()
                        .readTimeout(Duration.ofSeconds(5))
                        .build());
        try {
            assertThat(one.settings().things())
                    .isNotSameAs(two.settings().things())
                    .isNotSameAs(SensorDataServerSettings.DEFAULTS.things());
            assertThat(one.settings().historyStore())
                    .isNotSameAs(two.settings().historyStore())
                    .isNotSameAs(SensorDataServerSettings.DEFAULTS.historyStore());
            one.settings().things().add(thing("OnlyOne", "1", new ArrayList<>()));
            assertThat(two.settings().things().size())
                    .as("the other server's directory")
                    .isZero();
            assertThat(SensorDataServerSettings.DEFAULTS.things().size()).isZero();
            ThingDirectory kept = one.settings().things();
            one.update(s -> s.readTimeout(Duration.ofSeconds(7)));
            assertThat(one.settings().things())
                    .as("an update keeps the server's own directory")
                    .isSameAs(kept);
        } finally {
            two.close();
        }
    }

    @Test
    void closingTheClientEndsItsReadoutsAndGivesItsExecutorsBack() throws Exception {
        IotExecutors clientThreads = IotExecutors.builder().name("client-w").build();
        CompletableFuture<SensorData> never = new CompletableFuture<>();
        SensorDataServer.getInstanceFor(link.thing)
                .update(s -> s.things(ThingDirectory.of(Thing.builder("Slow")
                                .sensor((scope, clock) -> never)
                                .build()))
                        .accessPolicy(AccessPolicy.allowEveryone()));
        SensorDataClient client = SensorDataClient.getInstanceFor(link.client).update(s -> s.executors(clientThreads));
        ReadoutSession session =
                client.readout(thingJid, ReadoutRequest.builder().momentary().build(), new ReadoutListener() {});
        assertThat(session.accepted().get(WAIT, TimeUnit.SECONDS)).isFalse();

        client.close();
        client.close(); // idempotent

        // the reason as the future holds it (get() throws a copy on JDK 23+, without the message)
        Throwable why = session.result().handle((v, e) -> e).get(WAIT, TimeUnit.SECONDS);
        assertThat(why).isInstanceOf(CancellationException.class).hasMessageContaining("closed");
        assertThat(session.result().isCancelled()).isTrue();
        assertThat(client.activeReadouts()).isZero();
        eventually(() -> clientThreads.activeLeases() == 0);
        SensorDataClient fresh = SensorDataClient.getInstanceFor(link.client);
        assertThat(fresh).isNotSameAs(client);
        assertThat(fresh.settings()).isEqualTo(SensorDataClientSettings.DEFAULTS);
        assertThatThrownBy(() -> client.read(thingJid, ReadoutRequest.builder().build()))
                .isInstanceOf(IllegalStateException.class);
        never.complete(SensorData.EMPTY);
    }

    /** Polls a condition that another thread makes true, for at most {@code WAIT} seconds. */
    private static void eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("condition not met in time").isNegative();
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
