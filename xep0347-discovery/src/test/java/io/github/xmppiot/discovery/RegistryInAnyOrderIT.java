package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.FullJid;

/**
 * A Thing and its thing registry (an XMPP account, configured by bare JID) start in any order: a registration sent
 * while the registry is offline completes once the registry's presence appears (the registry announces itself only
 * after its handlers and roster policy are in place, so it approves the Thing's pending subscription), and the Thing
 * keeps reaching the registry after it restarts with another resource.
 */
@ProsodyTest
class RegistryInAnyOrderIT {

    private static final int WAIT = 20;

    @TempDir
    Path dir;

    /** A running registry and its connection. */
    record Running(XMPPTCPConnection connection, ThingRegistry registry) {
        void stop() {
            registry.close();
            connection.disconnect();
        }
    }

    private static Running startRegistry(ProsodyServer server, JdbcRegistryStorage storage, String resource)
            throws Exception {
        XMPPTCPConnection c = new IotTcpConnection(
                server.configBuilder("orderregistry").setResource(resource).build());
        Readiness.holdPresence(c);
        c.connect().login();
        ThingRegistry registry = ThingRegistry.start(c, storage);
        Readiness.announce(c);
        return new Running(c, registry);
    }

    @Test
    void registerWhenReachableWaitsManyReplyTimeoutsAndAgainAfterARestartWithANewResource(ProsodyServer server)
            throws Exception {
        Duration replyTimeout = Duration.ofMillis(500);
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("patient"))) {
            XMPPTCPConnection thingConn = server.connect("patientthing");
            thingConn.setReplyTimeout(replyTimeout.toMillis());
            ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(thingConn);
            thing.update(b -> b.registry(server.jid("orderregistry")));
            server.ensureAccount("orderregistry");

            CountDownLatch waiting = new CountDownLatch(1);
            AtomicInteger told = new AtomicInteger();
            CompletableFuture<RegistrationResult> registered = thing.registerWhenReachable(
                    List.of(str("SN", "patient-1"), str("KEY", "k-patient-1-2938472938")), null, false, () -> {
                        told.incrementAndGet();
                        waiting.countDown();
                    });
            assertThat(waiting.await(WAIT, TimeUnit.SECONDS)).isTrue();
            // still waiting after eight reply timeouts (register() alone would have failed after one)
            assertThat(registered)
                    .failsWithin(replyTimeout.multipliedBy(8))
                    .withThrowableOfType(TimeoutException.class);
            Running first = startRegistry(server, storage, "first");
            CompletableFuture<Void> gone = new CompletableFuture<>();
            Roster.getInstanceFor(thingConn).addPresenceEventListener(new AbstractPresenceEventListener() {
                @Override
                public void presenceUnavailable(FullJid address, Presence presence) {
                    if (address.equals(first.connection().getUser())) {
                        gone.complete(null);
                    }
                }
            });
            try {
                assertThat(registered.get(WAIT, TimeUnit.SECONDS)).isEqualTo(new RegistrationResult.Registered());
                assertThat(told).hasValue(1);
            } finally {
                first.stop();
            }
            gone.get(WAIT, TimeUnit.SECONDS); // the Thing has seen the registry go

            CountDownLatch waitingAgain = new CountDownLatch(1);
            CompletableFuture<RegistrationResult> again = thing.registerWhenReachable(
                    List.of(str("SN", "patient-2"), str("KEY", "k-patient-2-2938472938")),
                    null,
                    false,
                    waitingAgain::countDown);
            assertThat(waitingAgain.await(WAIT, TimeUnit.SECONDS)).isTrue();
            assertThat(again).failsWithin(replyTimeout.multipliedBy(4)).withThrowableOfType(TimeoutException.class);
            Running second = startRegistry(server, storage, "second");
            try {
                assertThat(again.get(WAIT, TimeUnit.SECONDS)).isEqualTo(new RegistrationResult.Registered());
            } finally {
                second.stop();
            }
            thingConn.disconnect();
        }
    }

    @Test
    void aThingStartedBeforeItsRegistryRegistersOnceItAppearsAndAfterItRestarts(ProsodyServer server) throws Exception {
        List<MetaTag> tags = List.of(str("SN", "order-1"), str("KEY", "k-order-1-2938472938"));
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("registry"))) {
            XMPPTCPConnection thingConn = server.connect("orderthing");
            ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(thingConn);
            thing.update(b -> b.registry(server.jid("orderregistry")));
            server.ensureAccount("orderregistry");

            CompletableFuture<RegistrationResult> registered = thing.register(tags, null, false);
            assertThat(registered).isNotDone();
            Running first = startRegistry(server, storage, "first");
            CompletableFuture<Void> gone = new CompletableFuture<>();
            Roster.getInstanceFor(thingConn).addPresenceEventListener(new AbstractPresenceEventListener() {
                @Override
                public void presenceUnavailable(FullJid address, Presence presence) {
                    if (address.equals(first.connection().getUser())) {
                        gone.complete(null);
                    }
                }
            });
            try {
                assertThat(registered.get(WAIT, TimeUnit.SECONDS)).isEqualTo(new RegistrationResult.Registered());
            } finally {
                first.stop();
            }
            gone.get(WAIT, TimeUnit.SECONDS); // the Thing has seen the registry go

            Running second = startRegistry(server, storage, "second");
            try {
                assertThat(thing.register(
                                        List.of(str("SN", "order-2"), str("KEY", "k-order-2-2938472938")), null, false)
                                .get(WAIT, TimeUnit.SECONDS))
                        .isEqualTo(new RegistrationResult.Registered());
            } finally {
                second.stop();
            }
        }
    }
}
