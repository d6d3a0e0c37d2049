package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
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

    private ServerSide thing;
    private ExecutorService executor;

    @BeforeEach
    void start() throws Exception {
        thing = new ServerSide();
        thing.connect().login();
        Roster.getInstanceFor(thing).reload(); // the server side answers with an empty roster
        assertThat(waitUntil(() -> Roster.getInstanceFor(thing).isLoaded())).isTrue();
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
        assertThat(thing.rosterSets.get()).isZero();
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
        assertThat(thing.rosterSets.get()).isEqualTo(1);
        assertThat(waiting.get()).isEqualTo(1);
        assertThat(address).isNotDone();

        thing.presenceFrom("other@example.org/phone"); // someone else coming online changes nothing
        thing.rosterPush(REGISTRY, RosterPacket.ItemType.to);
        thing.presenceFrom(REGISTRY_PHONE.toString());

        assertThat((Object) address.get(10, TimeUnit.SECONDS)).isEqualTo(REGISTRY_PHONE);
        assertThat(waiting.get()).isEqualTo(1);
    }

    @Test
    void aFriendAlreadyOnlineIsAddressedAtOnceWithoutAskingAgain() throws Exception {
        thing.rosterPush(REGISTRY, RosterPacket.ItemType.to);
        thing.presenceFrom(REGISTRY_PHONE.toString());
        assertThat(waitUntil(
                        () -> Roster.getInstanceFor(thing).getPresence(REGISTRY).isAvailable()))
                .isTrue();
        AtomicInteger waiting = new AtomicInteger();

        assertThat((Object) locator(REGISTRY, SHORT)
                        .awaitAddress(waiting::incrementAndGet)
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo(REGISTRY_PHONE);
        assertThat((Object) locator(REGISTRY, SHORT).address().get(5, TimeUnit.SECONDS))
                .isEqualTo(REGISTRY_PHONE);
        assertThat(waiting.get()).isZero();
        assertThat(thing.rosterSets.get()).isZero();
        assertThat(thing.presences).isEmpty();
    }

    @Test
    void aPresenceThatOutlivedTheFriendshipIsNotTrusted() throws Exception {
        thing.rosterPush(REGISTRY, RosterPacket.ItemType.none);
        thing.presenceFrom(REGISTRY_PHONE.toString());
        assertThat(waitUntil(
                        () -> Roster.getInstanceFor(thing).getPresence(REGISTRY).isAvailable()))
                .isTrue();

        CompletableFuture<Jid> address = locator(REGISTRY, SHORT).address();

        assertThatThrownBy(() -> address.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("registry@example.org is not online");
        assertThat(thing.rosterSets.get()).isEqualTo(1);
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
        thing.components = List.of("pubsub.example.org", "discovery.example.org");

        Jid found = locator(null, SHORT).registry().get(10, TimeUnit.SECONDS);

        assertThat(found.toString()).isEqualTo("discovery.example.org");
        assertThat((Object) locator(null, SHORT).address().get(10, TimeUnit.SECONDS))
                .isEqualTo(found);
    }

    @Test
    void withoutConfigurationAndWithoutSuchAComponentTheRegistryIsNotFound() {
        thing.components = List.of("pubsub.example.org");

        assertThatThrownBy(() -> locator(null, SHORT).registry().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RegistryNotFoundException.class)
                .hasMessageContaining("no server component supports urn:xmpp:iot:discovery");
    }

    /** Polls a condition for up to 10 s (Smack's roster handles stanzas on its own threads). */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private static BareJid bare(String jid) {
        return JidCreate.bareFromOrThrowUnchecked(jid);
    }

    /**
     * A logged-in connection whose server this class plays: roster gets and sets are answered (a set succeeds unless
     * refused), service discovery finds {@link #components}, of which those named {@code discovery.*} support
     * XEP-0347. Presences the Thing sends are kept in {@link #presences}.
     */
    private static final class ServerSide extends DummyConnection {
        final BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();
        final AtomicInteger rosterSets = new AtomicInteger();
        volatile boolean refuseRosterSets;
        volatile List<String> components = List.of();

        ServerSide() throws Exception {
            super("thing", "password", "example.org");
        }

        @Override
        protected void sendStanzaInternal(Stanza stanza) {
            if (stanza instanceof Presence p) {
                if (p.getTo() != null) {
                    presences.add(p);
                }
            } else if (stanza instanceof RosterPacket r && r.getType() == IQ.Type.get) {
                RosterPacket result = new RosterPacket();
                result.setType(IQ.Type.result);
                answer(r, result);
            } else if (stanza instanceof RosterPacket r && r.getType() == IQ.Type.set) {
                rosterSets.incrementAndGet();
                answer(
                        r,
                        refuseRosterSets
                                ? IQ.createErrorResponse(
                                        r, org.jivesoftware.smack.packet.StanzaError.Condition.not_allowed)
                                : IQ.createResultIQ(r));
            } else if (stanza instanceof DiscoverItems items && items.getType() == IQ.Type.get) {
                DiscoverItems result = new DiscoverItems();
                result.setType(IQ.Type.result);
                components.forEach(c -> result.addItem(new DiscoverItems.Item(JidCreate.fromOrThrowUnchecked(c))));
                answer(items, result);
            } else if (stanza instanceof DiscoverInfo info && info.getType() == IQ.Type.get) {
                var result = DiscoverInfo.builder(info.getStanzaId())
                        .ofType(IQ.Type.result)
                        .addIdentity(new DiscoverInfo.Identity("component", "generic", "c"));
                if (info.getTo().toString().startsWith("discovery.")) {
                    result.addFeature("urn:xmpp:iot:discovery");
                } else {
                    result.addFeature("http://jabber.org/protocol/disco#info");
                }
                answer(info, result.from(info.getTo()).to(getUser()).build());
            }
        }

        private void answer(IQ request, IQ answer) {
            answer.setStanzaId(request.getStanzaId());
            if (answer.getFrom() == null && request.getTo() != null) {
                answer.setFrom(request.getTo());
            }
            answer.setTo(getUser());
            CompletableFuture.runAsync(() -> processStanza(answer));
        }

        void rosterPush(EntityBareJid jid, RosterPacket.ItemType type) {
            RosterPacket push = new RosterPacket();
            push.setType(IQ.Type.set);
            RosterPacket.Item item = new RosterPacket.Item(jid, null);
            item.setItemType(type);
            push.addRosterItem(item);
            processStanza(push);
        }

        void rosterPush(BareJid jid, RosterPacket.ItemType type) {
            rosterPush(jid.asEntityBareJidOrThrow(), type);
        }

        void presenceFrom(String full) {
            PresenceBuilder b = StanzaBuilder.buildPresence().ofType(Presence.Type.available);
            Presence p =
                    b.from(JidCreate.fromOrThrowUnchecked(full)).to(getUser()).build();
            processStanza(p);
        }
    }
}
