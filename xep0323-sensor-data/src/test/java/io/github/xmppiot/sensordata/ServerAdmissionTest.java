package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.iq.IotErrorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Thing checks before it accepts a request (XEP-0323 §3, §3.3; issue 15 limits): the {@code when} horizon,
 * the read-outs a requester may have, the access decision made at once or later, and the narrowing of nodes and
 * field names by that decision. Every refusal gives its slot back.
 */
class ServerAdmissionTest {

    private static final String NS = "urn:xmpp:iot:sensordata";
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final long WAIT = 10;
    private static final AtomicInteger IDS = new AtomicInteger();

    private Link link;
    private SensorDataServer server;
    private SensorDataClient client;

    @BeforeEach
    void setUp() throws Exception {
        link = new Link();
        server = SensorDataServer.getInstanceFor(link.thing)
                .update(b -> b.things(Fixtures.directory())
                        .accessPolicy(AccessPolicy.allowEveryone())
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        // one read-out in progress and one queued per requester; an hour ahead at most
                        .readoutLimits(new ReadoutLimits(1, 1, 4, 4, Duration.ofHours(1))));
        client = SensorDataClient.getInstanceFor(link.client);
    }

    @AfterEach
    void tearDown() {
        server.close();
        link.close();
    }

    /** Sends a {@code req} as raw XML and returns the Thing's answer. */
    private IQ req(int seqnr, String attributes) throws InterruptedException {
        String id = "a" + IDS.incrementAndGet();
        link.client.inject("<iq xmlns='jabber:client' type='get' id='" + id + "' to='thing@example.org/Test'><req"
                + " xmlns='" + NS + "' seqnr='" + seqnr + "' " + attributes + "/></iq>");
        Stanza s = link.client.await(x -> x instanceof IQ && id.equals(x.getStanzaId()), Duration.ofSeconds(WAIT));
        return (IQ) s;
    }

    private static String when(Duration fromNow) {
        return "all='true' when='" + NOW.plus(fromNow) + "'";
    }

    private static StanzaError.Condition condition(IQ answer) {
        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        return answer.getError().getCondition();
    }

    private Readout read(ReadoutRequest request) throws Exception {
        return client.read(link.thing.getUser(), request).get(WAIT, TimeUnit.SECONDS);
    }

    private IotErrorException refusal(ReadoutRequest request) {
        CompletableFuture<Readout> f = client.read(link.thing.getUser(), request);
        Throwable[] cause = new Throwable[1];
        assertThatThrownBy(() -> f.get(WAIT, TimeUnit.SECONDS)).satisfies(e -> cause[0] = e.getCause());
        assertThat(cause[0]).isInstanceOf(IotErrorException.class);
        return (IotErrorException) cause[0];
    }

    @Test
    void aWhenAtTheHorizonIsQueuedAndOneBeyondItIsABadRequest() throws Exception {
        IQ atHorizon = req(1, when(Duration.ofHours(1)));
        assertThat(atHorizon.getType()).isEqualTo(IQ.Type.result);
        assertThat(atHorizon.toXML().toString()).contains("queued='true'");

        IQ beyond = req(2, when(Duration.ofHours(1).plusSeconds(1)));

        assertThat(condition(beyond)).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(beyond.getError().getDescriptiveText()).contains("'when' lies more than PT1H ahead");
        assertThat(server.activeReadouts()).isEqualTo(1);
    }

    @Test
    void aRequesterOverItsQueuedLimitIsToldToWaitUntilOneEnds() throws Exception {
        assertThat(req(1, when(Duration.ofMinutes(10))).getType()).isEqualTo(IQ.Type.result);

        IQ second = req(2, when(Duration.ofMinutes(10)));
        assertThat(condition(second)).isEqualTo(StanzaError.Condition.resource_constraint);
        assertThat(second.getError().getType()).isEqualTo(StanzaError.Type.WAIT);

        link.client.inject("<iq xmlns='jabber:client' type='get' id='c1' to='thing@example.org/Test'><cancel xmlns='"
                + NS + "' seqnr='1'/></iq>");
        link.client.await(x -> "c1".equals(x.getStanzaId()), Duration.ofSeconds(WAIT));
        assertThat(req(3, when(Duration.ofMinutes(10))).getType())
                .as("the cancelled read-out gave its slot back")
                .isEqualTo(IQ.Type.result);
    }

    @Test
    void aPolicyThatThrowsIsAnInternalErrorAndGivesTheSlotBack() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        server.update(b -> b.accessPolicy(request -> {
            if (broken.getAndSet(false)) {
                throw new IllegalStateException("policy store unavailable");
            }
            return CompletableFuture.completedFuture(AccessDecision.allowAll());
        }));

        IQ first = req(1, when(Duration.ofMinutes(10)));
        assertThat(condition(first)).isEqualTo(StanzaError.Condition.internal_server_error);
        assertThat(first.getError().getDescriptiveText()).contains("policy store unavailable");

        assertThat(req(2, when(Duration.ofMinutes(10))).getType()).isEqualTo(IQ.Type.result);
    }

    @Test
    void aLaterDenialIsForbiddenAndGivesTheSlotBack() throws Exception {
        List<CompletableFuture<AccessDecision>> pending = new CopyOnWriteArrayList<>();
        server.update(b -> b.accessPolicy(request -> {
            CompletableFuture<AccessDecision> d = new CompletableFuture<>();
            pending.add(d);
            return d;
        }));
        String id = "late";
        link.client.inject("<iq xmlns='jabber:client' type='get' id='" + id + "' to='thing@example.org/Test'><req"
                + " xmlns='" + NS + "' seqnr='1' " + when(Duration.ofMinutes(10)) + "/></iq>");
        awaitDecisions(pending, 1);

        pending.get(0).complete(AccessDecision.deny());

        IQ denied = (IQ) link.client.await(x -> id.equals(x.getStanzaId()), Duration.ofSeconds(WAIT));
        assertThat(condition(denied)).isEqualTo(StanzaError.Condition.forbidden);
        CompletableFuture<IQ> next = CompletableFuture.supplyAsync(() -> {
            try {
                return req(2, when(Duration.ofMinutes(10)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitDecisions(pending, 2);
        pending.get(1).complete(AccessDecision.allowAll());
        assertThat(next.get(WAIT, TimeUnit.SECONDS).getType()).isEqualTo(IQ.Type.result);
    }

    @Test
    void aLaterPermissionStartsTheReadoutAfterAcceptedEvenWhenTheReadoutRunsAtOnce() throws Exception {
        // a work pool that runs each task on the submitting thread: the read-out is over before accept() returns, so
        // a handler that sent accepted only then would send it after the fields
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService inline = new AbstractExecutorService() {
            private volatile boolean shutdown;

            @Override
            public void execute(Runnable command) {
                command.run();
            }

            @Override
            public void shutdown() {
                shutdown = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shutdown = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shutdown;
            }

            @Override
            public boolean isTerminated() {
                return shutdown;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        };
        try {
            server.update(b -> b.executors(IotExecutors.of(inline, timer)));
            aLaterPermissionStartsTheReadoutAfterAccepted();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aLaterPermissionStartsTheReadoutAfterAccepted() throws Exception {
        List<CompletableFuture<AccessDecision>> pending = new CopyOnWriteArrayList<>();
        server.update(b -> b.accessPolicy(request -> {
            CompletableFuture<AccessDecision> d = new CompletableFuture<>();
            pending.add(d);
            return d;
        }));
        CompletableFuture<Readout> f = client.read(
                link.thing.getUser(),
                ReadoutRequest.builder().momentary().nodes("Device02").build());
        awaitDecisions(pending, 1);

        pending.get(0).complete(AccessDecision.allowAll());

        assertThat(f.get(WAIT, TimeUnit.SECONDS).fields())
                .extracting(ReadoutField::name)
                .containsExactly("Temperature");
        List<String> sent = link.thing.sent().stream()
                .filter(x -> x.contains("<accepted") || x.contains("<fields"))
                .map(x -> x.contains("<accepted") ? "accepted" : "fields")
                .toList();
        // after a later decision the read-out's worker sends accepted itself, before its fields
        assertThat(sent).containsExactly("accepted", "fields");
    }

    @Test
    void theDecisionsNamesNarrowTheRequestedOnes() throws Exception {
        server.update(b -> b.accessPolicy(request -> CompletableFuture.completedFuture(
                AccessDecision.allowOnly(List.of(), Set.of("Temperature", "Device ID")))));

        assertThat(read(ReadoutRequest.builder()
                                .all()
                                .nodes("Device01")
                                .fields("Temperature", "Runtime")
                                .build())
                        .fields())
                .extracting(ReadoutField::name)
                .containsExactly("Temperature");
        assertThat(read(ReadoutRequest.builder().all().nodes("Device01").build())
                        .fields())
                .extracting(ReadoutField::name)
                .containsExactlyInAnyOrder("Temperature", "Device ID");
        IotErrorException none =
                refusal(ReadoutRequest.builder().all().fields("Runtime").build());
        assertThat(none.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(none.getMessage()).contains("none of the requested nodes or fields may be read");
    }

    @Test
    void withoutNamesInTheDecisionTheRequestedNamesAreRead() throws Exception {
        assertThat(read(ReadoutRequest.builder()
                                .all()
                                .nodes("Device01")
                                .fields("Runtime")
                                .build())
                        .fields())
                .extracting(ReadoutField::name)
                .containsExactly("Runtime");
    }

    @Test
    void aDecisionAllowingNoneOfTheSelectedNodesIsForbidden() {
        server.update(b -> b.accessPolicy(request -> CompletableFuture.completedFuture(
                AccessDecision.allowOnly(List.of(NodeRef.of("Elsewhere")), Set.of()))));

        IotErrorException e = refusal(ReadoutRequest.builder().momentary().build());

        assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(server.activeReadouts()).isZero();
    }

    @Test
    void aThingWithoutNodesHasNoReadableNode() {
        server.update(b -> b.things(io.github.xmppiot.core.thing.ThingDirectory.of()));

        IotErrorException e = refusal(ReadoutRequest.builder().momentary().build());

        assertThat(e.condition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(e.getMessage()).contains("no readable node");
    }

    @Test
    void aCancelForNoReadoutIsStillAnsweredCancelled() throws Exception {
        link.client.inject("<iq xmlns='jabber:client' type='get' id='c9' to='thing@example.org/Test'><cancel xmlns='"
                + NS + "' seqnr='99'/></iq>");

        IQ answer = (IQ) link.client.await(x -> "c9".equals(x.getStanzaId()), Duration.ofSeconds(WAIT));

        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat(answer.getChildElementName()).isEqualTo("cancelled");
        assertThat(answer.toXML().toString()).contains("seqnr='99'");
    }

    /** Waits until the policy has been asked {@code n} times (the request crosses the link on another thread). */
    private static void awaitDecisions(List<?> pending, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (pending.size() < n) {
            assertThat(System.nanoTime() - end).as("policy asked in time").isNegative();
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
