package io.github.xmppiot.discovery.internal;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.ThingDiscoveryListener;
import io.github.xmppiot.discovery.ThingDiscoveryManagerSettings;
import io.github.xmppiot.discovery.UpdateOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The Thing's follow-up actions (XEP-0347 §3.9, §3.10, §3.17, §5.3) against a scripted registry and roster. */
class ThingLifecycleTest {

    private static final BareJid OWNER = JidCreate.bareFromOrThrowUnchecked("owner@example.org");
    private static final BareJid OTHER = JidCreate.bareFromOrThrowUnchecked("other@example.org");
    private static final Jid REGISTRY = JidCreate.bareFromOrThrowUnchecked("registry@example.org");
    private static final NodeRef N1 = NodeRef.of("n1", "src");
    private static final NodeRef N2 = NodeRef.of("n2", "src");
    private static final List<MetaTag> TAGS = List.of(str("SN", "1"), str("KEY", "secret"), num("V", "1.2"));

    /** A registry that answers at once, recording every request. */
    static final class FakeWire implements ThingLifecycle.Wire {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<List<MetaTag>> registered = new CopyOnWriteArrayList<>();
        final List<List<MetaTag>> updates = new CopyOnWriteArrayList<>();
        Jid registry = REGISTRY;
        RegistrationResult registerAnswer = new RegistrationResult.Registered();
        UpdateOutcome updateAnswer = UpdateOutcome.UPDATED;

        @Override
        public CompletableFuture<RegistrationResult> register(List<MetaTag> tags, NodeRef node, boolean selfOwned) {
            sent.add("register " + node);
            registered.add(tags);
            return CompletableFuture.completedFuture(registerAnswer);
        }

        @Override
        public CompletableFuture<UpdateOutcome> update(List<MetaTag> tags, NodeRef node) {
            sent.add("update " + node);
            updates.add(tags);
            return CompletableFuture.completedFuture(updateAnswer);
        }

        @Override
        public CompletableFuture<Void> unregister(NodeRef node) {
            sent.add("unregister " + node);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Jid> registry() {
            return CompletableFuture.completedFuture(registry);
        }
    }

    /** A roster that records befriending and unfriending. */
    static final class FakeFriends implements ThingLifecycle.Friends {
        final List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> unfriendAnswer = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> befriend(BareJid contact) {
            log.add("befriend " + contact);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unfriend(BareJid contact) {
            log.add("unfriend " + contact);
            return unfriendAnswer;
        }
    }

    /** Records events in order. */
    static final class Events implements ThingDiscoveryListener {
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<List<MetaTag>> again = new ArrayList<>();

        @Override
        public void claimed(Jid owner, NodeRef node, boolean isPublic) {
            log.add("claimed " + owner + " " + node + " " + isPublic);
        }

        @Override
        public void removed(NodeRef node) {
            log.add("removed " + node);
        }

        @Override
        public void disowned(NodeRef node) {
            log.add("disowned " + node);
        }

        @Override
        public void registeredAgain(NodeRef node, List<MetaTag> tags) {
            log.add("registeredAgain " + node);
            again.add(tags);
        }
    }

    private final FakeWire wire = new FakeWire();
    private final FakeFriends friends = new FakeFriends();
    private final Events events = new Events();
    private final AtomicReference<ThingDiscoveryManagerSettings> settings =
            new AtomicReference<>(ThingDiscoveryManagerSettings.DEFAULTS);
    private final ThingLifecycle life = new ThingLifecycle(wire, friends, List.of(events), settings::get);

    private void set(UnaryOperator<ThingDiscoveryManagerSettings.Builder> change) {
        settings.set(change.apply(settings.get().toBuilder()).build());
    }

    @Test
    void claimedBefriendsTheOwnerClearsKeyPublishesAndThenReleasesTheRegistry() {
        set(b -> b.publicTags(null, List.of(str("ROOM", "101"))));
        life.register(TAGS, null, false).join();
        assertThat(friends.log).as("waiting for the claim needs the registry").isEmpty();

        life.onClaimed(OWNER, null, true);

        assertThat(wire.updates).containsExactly(List.of(str("KEY", ""), str("ROOM", "101")));
        assertThat(friends.log).containsExactly("befriend " + OWNER, "unfriend " + REGISTRY);
        assertThat(events.log).containsExactly("claimed " + OWNER + " null true");
        assertThat(life.state(null).phase()).isEqualTo(ThingLifecycle.Phase.CLAIMED);
    }

    @Test
    void privateClaimOnlyClearsTheKey() {
        set(b -> b.publicTags(null, List.of(str("ROOM", "101"))));
        life.register(TAGS, null, false).join();
        life.onClaimed(OWNER, null, false);
        assertThat(wire.updates).containsExactly(List.of(str("KEY", "")));
    }

    @Test
    void aClaimedNodeIsNotRegisteredAgainUntilForgotten() {
        life.register(TAGS, N1, false).join();
        life.onClaimed(OWNER, N1, true);
        wire.sent.clear();

        assertThat(life.register(TAGS, N1, false).join()).isEqualTo(new RegistrationResult.AlreadyClaimed(OWNER));
        assertThat(wire.sent).isEmpty();
        life.forget(N1);
        life.register(TAGS, N1, false).join();
        assertThat(wire.sent).containsExactly("register " + N1);
    }

    @Test
    void theRegistryFriendshipIsKeptWhileAnyNodeWaitsForItsClaim() {
        life.register(TAGS, N1, false).join();
        life.register(TAGS, N2, false).join();
        life.onClaimed(OWNER, N1, true);
        assertThat(friends.log).containsExactly("befriend " + OWNER);
        life.onClaimed(OWNER, N2, true);
        assertThat(friends.log).containsExactly("befriend " + OWNER, "befriend " + OWNER, "unfriend " + REGISTRY);
    }

    @Test
    void aComponentRegistryIsNeverUnfriended() {
        wire.registry = JidCreate.domainBareFromOrThrowUnchecked("discovery.example.org");
        life.register(TAGS, null, false).join();
        life.onClaimed(OWNER, null, true);
        life.onRemoved(null);
        assertThat(friends.log).containsExactly("befriend " + OWNER);
    }

    @Test
    void selfOwnedRegistrationsDoNotHoldTheRegistry() {
        life.register(TAGS, null, true).join();
        assertThat(friends.log).containsExactly("unfriend " + REGISTRY);
        assertThat(life.state(null).phase()).isEqualTo(ThingLifecycle.Phase.SELF_OWNED);
    }

    @Test
    void removedStopsUpdatesAndReleasesTheRegistryButAllowsANewRegistration() {
        life.register(TAGS, null, false).join();
        life.onClaimed(OWNER, null, true);
        friends.log.clear();
        wire.sent.clear();

        life.onRemoved(null);

        assertThat(events.log).endsWith("removed null");
        assertThat(friends.log).containsExactly("unfriend " + REGISTRY);
        assertThat(life.update(List.of(str("ROOM", "1")), null).join()).isEqualTo(UpdateOutcome.NOT_FOUND);
        assertThat(wire.sent).isEmpty();
        life.register(TAGS, null, false).join();
        assertThat(wire.sent).containsExactly("register null");
    }

    @Test
    void anUpdateAnsweredNotFoundMarksTheNodeRemoved() {
        life.register(TAGS, null, false).join();
        life.onClaimed(OWNER, null, true);
        wire.updateAnswer = UpdateOutcome.NOT_FOUND;
        assertThat(life.update(List.of(str("ROOM", "1")), null).join()).isEqualTo(UpdateOutcome.NOT_FOUND);
        wire.sent.clear();
        assertThat(life.update(List.of(str("ROOM", "2")), null).join()).isEqualTo(UpdateOutcome.NOT_FOUND);
        assertThat(wire.sent).isEmpty();
    }

    @Test
    void disownedUnfriendsTheOwnerAndRegistersAgainWithANewKey() {
        set(b -> b.keys(node -> "fresh-" + node.nodeId()));
        life.register(TAGS, N1, false).join();
        life.onClaimed(OWNER, N1, true);
        friends.log.clear();
        wire.registered.clear();

        life.onDisowned(N1);

        assertThat(friends.log).containsExactly("unfriend " + OWNER);
        List<MetaTag> expected = List.of(str("SN", "1"), num("V", "1.2"), str("KEY", "fresh-n1"));
        assertThat(wire.registered).containsExactly(expected);
        assertThat(events.log).endsWith("disowned " + N1, "registeredAgain " + N1);
        assertThat(events.again).containsExactly(expected);
        assertThat(life.state(N1).phase()).isEqualTo(ThingLifecycle.Phase.AWAITING_CLAIM);
    }

    @Test
    void anOwnerOfAnotherNodeStaysAFriendAfterADisown() {
        life.register(TAGS, N1, false).join();
        life.register(TAGS, N2, false).join();
        life.onClaimed(OWNER, N1, true);
        life.onClaimed(OWNER, N2, true);
        friends.log.clear();
        life.onDisowned(N1);
        assertThat(friends.log).doesNotContain("unfriend " + OWNER);
    }

    @Test
    void aDisownOfAnUnknownRegistrationOnlyRaisesTheEvent() {
        life.onDisowned(null);
        assertThat(wire.sent).isEmpty();
        assertThat(events.log).containsExactly("disowned null");
    }

    @Test
    void registryAnsweringAlreadyClaimedSwitchesToClaimedAndBefriendsTheOwner() {
        wire.registerAnswer = new RegistrationResult.AlreadyClaimed(OTHER);
        assertThat(life.register(TAGS, null, false).join()).isEqualTo(new RegistrationResult.AlreadyClaimed(OTHER));
        assertThat(life.state(null).phase()).isEqualTo(ThingLifecycle.Phase.CLAIMED);
        assertThat(friends.log).containsExactly("befriend " + OTHER, "unfriend " + REGISTRY);
    }

    @Test
    void aRequestWaitsForAnUnfriendingInProgress() {
        CompletableFuture<Void> unfriending = new CompletableFuture<>();
        friends.unfriendAnswer = unfriending;
        life.register(TAGS, null, true).join();
        assertThat(friends.log).containsExactly("unfriend " + REGISTRY);
        wire.sent.clear();

        CompletableFuture<UpdateOutcome> update = life.update(List.of(str("ROOM", "1")), null);
        assertThat(wire.sent).as("not before the roster change is done").isEmpty();
        unfriending.complete(null);
        assertThat(update.join()).isEqualTo(UpdateOutcome.UPDATED);
        assertThat(wire.sent).containsExactly("update null");
    }

    @Test
    void withoutFollowUpsOnlyTheEventsHappen() {
        set(b -> b.followUps(false));
        life.register(TAGS, null, false).join();
        life.onClaimed(OWNER, null, true);
        assertThat(life.register(TAGS, null, false).join()).isEqualTo(new RegistrationResult.Registered());
        life.onClaimed(OWNER, null, true);
        life.onRemoved(null);
        life.onDisowned(null);
        assertThat(friends.log).isEmpty();
        assertThat(wire.sent).containsExactly("register null", "register null");
        assertThat(events.log)
                .containsExactly(
                        "claimed " + OWNER + " null true",
                        "claimed " + OWNER + " null true",
                        "removed null",
                        "disowned null");
    }
}
