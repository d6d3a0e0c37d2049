package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * The Thing's follow-up actions on a real Prosody (XEP-0347 §3.9, §3.10, §3.17, §5.3): friendships with the owner
 * and the registry account as seen in the rosters, and the registration again after a disown.
 */
@ProsodyTest
class ThingFollowUpIT {

    private static final long WAIT = 20;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Jid registry(ProsodyServer server, String user) throws Exception {
        JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve(user));
        open.add(storage);
        open.add(ThingRegistry.start(
                server.connect(user),
                storage,
                ThingRegistrySettings.builder()
                        .options(RegistryOptions.defaults().withThingTimeout(Duration.ofSeconds(5)))
                        .build()));
        return server.jid(user);
    }

    private static List<MetaTag> tags(String sn, String key) {
        return List.of(str("SN", sn), str("MAN", "example.org"), num("V", "2"), str("KEY", key));
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    /** Waits until the roster of a connection satisfies a condition, re-checking on every roster change. */
    private static void awaitRoster(XMPPConnection c, Predicate<Roster> condition, String what) throws Exception {
        Roster roster = Roster.getInstanceFor(c);
        CompletableFuture<Void> met = new CompletableFuture<>();
        RosterListener l = new AbstractRosterListener() {
            @Override
            public void entriesAdded(Collection<Jid> addresses) {
                check();
            }

            @Override
            public void entriesUpdated(Collection<Jid> addresses) {
                check();
            }

            @Override
            public void entriesDeleted(Collection<Jid> addresses) {
                check();
            }

            private void check() {
                if (condition.test(roster)) {
                    met.complete(null);
                }
            }
        };
        roster.addRosterListener(l);
        try {
            if (!condition.test(roster)) {
                met.get(WAIT, TimeUnit.SECONDS);
            }
        } catch (TimeoutException e) {
            throw new AssertionError(c.getUser() + ": " + what + " did not happen; roster " + roster.getEntries());
        } finally {
            roster.removeRosterListener(l);
        }
    }

    private static CompletableFuture<Presence> nextPresence(XMPPConnection c, Jid from, Presence.Type type) {
        CompletableFuture<Presence> f = new CompletableFuture<>();
        c.addAsyncStanzaListener(
                s -> {
                    Presence p = (Presence) s;
                    if (p.getType() == type
                            && p.getFrom() != null
                            && p.getFrom().asBareJid().equals(from.asBareJid())) {
                        f.complete(p);
                    }
                },
                StanzaTypeFilter.PRESENCE);
        return f;
    }

    @Test
    void claimMakesOwnerAFriendAndEndsTheRegistryFriendshipWhichRemovalKeepsEndedAndRegisteringRenews(
            ProsodyServer server) throws Exception {
        Jid reg = registry(server, "registry-f1");
        XMPPTCPConnection thingConn = server.connect("thing-f1");
        XMPPTCPConnection ownerConn = server.connect("owner-f1");
        XMPPTCPConnection strangerConn = server.connect("stranger-f1");
        Roster.getInstanceFor(thingConn).setSubscriptionMode(Roster.SubscriptionMode.reject_all);
        Roster.getInstanceFor(ownerConn).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(thingConn);
        thing.update(b -> b.registry(reg));
        DiscoveryIT.Events events = new DiscoveryIT.Events();
        thing.addListener(events);
        OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(ownerConn);
        owner.update(b -> b.registry(reg));

        get(thing.register(tags("f1", "key-f1-0123456789"), null, false));
        assertThat(Roster.getInstanceFor(thingConn).iAmSubscribedTo(reg))
                .as("friend of the registry while waiting")
                .isTrue();
        ClaimedThing claimed = get(owner.claim(tags("f1", "key-f1-0123456789"), true));
        get(events.claimed);

        awaitRoster(thingConn, r -> r.getEntry(reg.asBareJid()) == null, "unfriending the registry");
        awaitRoster(thingConn, r -> r.iAmSubscribedTo(ownerConn.getUser()), "the Thing's subscription to its owner");
        Roster.getInstanceFor(ownerConn)
                .createItemAndRequestSubscription(thingConn.getUser().asBareJid(), null, null);
        awaitRoster(ownerConn, r -> r.iAmSubscribedTo(thingConn.getUser()), "the owner's subscription approved");
        CompletableFuture<Presence> refused =
                nextPresence(strangerConn, thingConn.getUser(), Presence.Type.unsubscribed);
        Roster.getInstanceFor(strangerConn)
                .sendSubscriptionRequest(thingConn.getUser().asBareJid());
        get(refused);
        assertThat(Roster.getInstanceFor(thingConn).isSubscribedToMyPresence(strangerConn.getUser()))
                .isFalse();

        get(owner.remove(claimed.jid(), null));
        get(events.removed);
        assertThat(get(thing.update(List.of(str("ROOM", "1")), null))).isEqualTo(UpdateOutcome.NOT_FOUND);
        assertThat(Roster.getInstanceFor(thingConn).getEntry(reg.asBareJid())).isNull();

        assertThat(get(thing.register(tags("f1", "key-f1-other"), null, false)))
                .isEqualTo(new RegistrationResult.Registered());
        assertThat(Roster.getInstanceFor(thingConn).iAmSubscribedTo(reg))
                .as("friend again while waiting")
                .isTrue();
    }

    @Test
    void disownEndsTheOwnerFriendshipAndANewOwnerClaimsWithTheNewKey(ProsodyServer server) throws Exception {
        Jid reg = registry(server, "registry-f2");
        XMPPTCPConnection thingConn = server.connect("rack-f2");
        XMPPTCPConnection ownerConn = server.connect("owner-f2");
        Roster.getInstanceFor(ownerConn).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(thingConn);
        thing.update(b -> b.registry(reg));
        thing.update(b -> b.keys(node -> "renewed-" + node.nodeId() + "-7f3a9c2e5b"));
        CompletableFuture<List<MetaTag>> again = new CompletableFuture<>();
        DiscoveryIT.Events events = new DiscoveryIT.Events();
        thing.addListener(events);
        thing.addListener(new ThingDiscoveryListener() {
            @Override
            public void registeredAgain(NodeRef node, List<MetaTag> tags) {
                again.complete(tags);
            }
        });
        OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(ownerConn);
        owner.update(b -> b.registry(reg));
        OwnerDiscoveryManager next = OwnerDiscoveryManager.getInstanceFor(server.connect("next-f2"));
        next.update(b -> b.registry(reg));
        NodeRef node = NodeRef.of("imc1", "MeteringTopology");

        get(thing.register(tags("f2", "key-f2-0123456789"), node, false));
        ClaimedThing claimed = get(owner.claim(tags("f2", "key-f2-0123456789"), true));
        get(events.claimed);
        awaitRoster(thingConn, r -> r.iAmSubscribedTo(ownerConn.getUser()), "the Thing's subscription to its owner");

        get(owner.disown(claimed.jid(), node));
        assertThat(get(events.disowned)).isTrue();
        List<MetaTag> renewed = get(again);
        assertThat(renewed).contains(str("KEY", "renewed-imc1-7f3a9c2e5b"), str("SN", "f2"));
        awaitRoster(
                thingConn, r -> r.getEntry(ownerConn.getUser().asBareJid()) == null, "unfriending the former owner");

        ClaimedThing reclaimed = get(next.claim(ClaimUri.encode(renewed), true));
        assertThat(reclaimed.node()).isEqualTo(node);
        assertThat(get(thing.register(renewed, node, false)))
                .isEqualTo(new RegistrationResult.AlreadyClaimed(server.jid("next-f2")));
    }
}
