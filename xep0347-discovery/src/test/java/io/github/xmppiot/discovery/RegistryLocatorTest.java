package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.testkit.ConnectionEventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * How a Thing finds its registry (XEP-0347 §3.5, §5.1, §5.3) against a connection whose server side this test plays:
 * it answers roster and service discovery requests and lets the test push roster items and presences, so that the
 * registry-account path (friendship, then the full JID of an available resource) runs without a real server.
 */
class RegistryLocatorTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final BareJid REGISTRY = bare("registry@example.org");
    private static final Jid REGISTRY_PHONE = JidCreate.fromOrThrowUnchecked("registry@example.org/phone");

    private PlayedServer thing;
    private volatile List<String> components = List.of();
    private ExecutorService executor;

    @BeforeEach
    void start() throws Exception {
        thing = PlayedServer.loggedIn();
        thing.answer(PlayedServer.disco(
                () -> components,
                () -> Map.of(PlayedServer.jid("discovery.example.org"), List.of("urn:xmpp:iot:discovery"))));
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        thing.instantShutdown();
    }

    private RegistryLocator locator(Jid configured, Duration timeout) {
        return new RegistryLocator(thing, configured, timeout, executor);
    }

    @Test
    void aComponentOrFullJidIsUsedAsItIsWithoutTouchingTheRoster() throws Exception {
        Jid component = JidCreate.from("discovery.example.org");
        assertThat((Object) locator(component, SHORT).address().get(5, TimeUnit.SECONDS))
                .isEqualTo(component);
        assertThat((Object) locator(REGISTRY_PHONE, SHORT).address().get(5, TimeUnit.SECONDS))
                .isEqualTo(REGISTRY_PHONE);
        assertThat(thing.rosterSets.size()).isZero();
        assertThat(thing.presences).isEmpty();
    }

    @Test
    void anAccountIsBefriendedAndAddressedAtTheResourceThatComesOnline() throws Exception {
        AtomicInteger waiting = new AtomicInteger();
        CompletableFuture<Jid> address =
                locator(REGISTRY, Duration.ofSeconds(30)).awaitAddress(waiting::incrementAndGet);

        Presence subscribe = thing.presences.poll(10, TimeUnit.SECONDS);
        assertThat(subscribe).isNotNull();
        assertThat(subscribe.getType()).isEqualTo(Presence.Type.subscribe);
        assertThat((Object) subscribe.getTo()).isEqualTo(REGISTRY);
        assertThat(thing.rosterSets.size()).isEqualTo(1);
        assertThat(waiting.get()).isEqualTo(1);
        assertThat(address).isNotDone();

        thing.presenceFrom(
                PlayedServer.jid("other@example.org/phone"),
                Presence.Type.available); // someone else coming online changes nothing
        thing.rosterPush(REGISTRY, RosterPacket.ItemType.to);
        thing.presenceFrom(REGISTRY_PHONE, Presence.Type.available);

        assertThat((Object) address.get(10, TimeUnit.SECONDS)).isEqualTo(REGISTRY_PHONE);
        assertThat(waiting.get()).isEqualTo(1);
    }

    @Test
    void aFriendAlreadyOnlineIsAddressedAtOnceWithoutAskingAgain() throws Exception {
        thing.rosterPush(REGISTRY, RosterPacket.ItemType.to);
        thing.presenceFrom(REGISTRY_PHONE, Presence.Type.available);
        ConnectionEventRecorder.eventually(
                "the registry is online",
                Duration.ofSeconds(10),
                () -> Roster.getInstanceFor(thing).getPresence(REGISTRY).isAvailable());
        AtomicInteger waiting = new AtomicInteger();

        assertThat((Object) locator(REGISTRY, SHORT)
                        .awaitAddress(waiting::incrementAndGet)
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo(REGISTRY_PHONE);
        assertThat((Object) locator(REGISTRY, SHORT).address().get(5, TimeUnit.SECONDS))
                .isEqualTo(REGISTRY_PHONE);
        assertThat(waiting.get()).isZero();
        assertThat(thing.rosterSets.size()).isZero();
        assertThat(thing.presences).isEmpty();
    }

    @Test
    void aPresenceThatOutlivedTheFriendshipIsNotTrusted() throws Exception {
        thing.rosterPush(REGISTRY, RosterPacket.ItemType.none);
        thing.presenceFrom(REGISTRY_PHONE, Presence.Type.available);
        ConnectionEventRecorder.eventually(
                "the registry is online",
                Duration.ofSeconds(10),
                () -> Roster.getInstanceFor(thing).getPresence(REGISTRY).isAvailable());

        CompletableFuture<Jid> address = locator(REGISTRY, SHORT).address();

        assertThatThrownBy(() -> address.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("registry@example.org is not online");
        assertThat(thing.rosterSets.size()).isEqualTo(1);
    }

    @Test
    void anAccountThatStaysOfflineIsNotFoundWithinTheTimeout() {
        CompletableFuture<Jid> address = locator(REGISTRY, SHORT).address();

        assertThatThrownBy(() -> address.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessage("registry registry@example.org is not online");
    }

    @Test
    void aRefusedRosterRequestEndsTheWaitWithTheReason() throws Exception {
        thing.refuseRosterSets = true;

        CompletableFuture<Jid> address = locator(REGISTRY, SHORT).awaitAddress(() -> {});

        assertThatThrownBy(() -> address.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessageStartingWith("cannot subscribe to registry@example.org");
    }

    @Test
    void withoutConfigurationTheFirstComponentWithTheDiscoveryFeatureIsTheRegistry() throws Exception {
        components = List.of("pubsub.example.org", "discovery.example.org");

        Jid found = locator(null, SHORT).registry().get(10, TimeUnit.SECONDS);

        assertThat(found.toString()).isEqualTo("discovery.example.org");
        assertThat((Object) locator(null, SHORT).address().get(10, TimeUnit.SECONDS))
                .isEqualTo(found);
    }

    @Test
    void withoutConfigurationAndWithoutSuchAComponentTheRegistryIsNotFound() {
        components = List.of("pubsub.example.org");

        assertThatThrownBy(() -> locator(null, SHORT).registry().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("no server component supports urn:xmpp:iot:discovery");
    }

    private static BareJid bare(String jid) {
        return JidCreate.bareFromOrThrowUnchecked(jid);
    }
}
