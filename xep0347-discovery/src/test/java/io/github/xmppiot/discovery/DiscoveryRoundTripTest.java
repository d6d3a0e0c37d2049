package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.discovery.element.Claimed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * A Thing, its owner and a Thing Registry over in-memory connections (every stanza relayed through its XML), the
 * registry on an in-memory H2 database: the XEP-0347 flows of §3.6-§3.17 end to end without a server.
 */
class DiscoveryRoundTripTest extends RegistryRoundTrip {

    /** Every wait is short: nothing here waits for a server. */
    static final Duration WAIT = Duration.ofSeconds(5);

    static final List<MetaTag> TAGS =
            List.of(str("SN", "394872348732948723"), str("MAN", "www.ktc.se"), num("V", "1.2"), str("KEY", "k-1"));
    static final List<SearchOperator> BY_MAN = List.of(new StringComparison(Comparison.EQ, "MAN", "www.ktc.se"));

    final Events events = new Events();

    @BeforeEach
    void listen() {
        thing.addListener(events);
    }

    static <T> T get(Future<T> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The cause a future failed with. */
    static Throwable failure(Future<?> f) throws Exception {
        try {
            f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("completed without failure");
    }

    BareJid thingJid() {
        return thingPeer.getUser().asBareJid();
    }

    BareJid ownerJid() {
        return ownerPeer.getUser().asBareJid();
    }

    ClaimedThing registerAndClaim(List<MetaTag> tags, NodeRef node, boolean isPublic) throws Exception {
        assertThat(get(thing.register(tags, node, false))).isEqualTo(new RegistrationResult.Registered());
        return get(owner.claim(tags, isPublic));
    }

    @Test
    void aRegisteredThingIsClaimedToldAndFoundWithoutItsKey() throws Exception {
        assertThat((Object) get(thing.registry())).isEqualTo(registryPeer.getUser());
        assertThat(get(thing.register(TAGS, null, false))).isEqualTo(new RegistrationResult.Registered());
        assertThat(get(owner.search(BY_MAN, 0, null)).things())
                .as("an unclaimed Thing is never found")
                .isEmpty();

        ClaimedThing claimed = get(owner.claim(ClaimUri.encode(TAGS), true));

        assertThat(claimed).isEqualTo(new ClaimedThing(thingJid(), null, true));
        assertThat(get(events.claimed)).isEqualTo(new Events.Claim(ownerJid(), null, true));
        SearchResult found = get(owner.search(BY_MAN, 0, null));
        assertThat(found.more()).isFalse();
        assertThat(found.things()).hasSize(1);
        FoundThing t = found.things().get(0);
        assertThat((Object) t.jid().asBareJid()).isEqualTo(thingJid());
        assertThat((Object) t.owner().asBareJid()).isEqualTo(ownerJid());
        assertThat(t.tag("SN")).contains(TAGS.get(0));
        assertThat(t.tag("KEY")).as("the key is never shown").isEmpty();
        assertThat(get(thing.register(TAGS, null, false)))
                .as("the registry says who owns it")
                .isEqualTo(new RegistrationResult.AlreadyClaimed(ownerJid()));
        OwnerDiscoveryManager other = OwnerDiscoveryManager.getInstanceFor(link.peer("other"));
        other.update(b -> b.registry(registryPeer.getUser()));
        assertThat(failure(other.claim(TAGS, true)))
                .as("a Thing claimed by one owner cannot be claimed by another")
                .isInstanceOf(ThingNotFoundException.class);
        assertThat(get(owner.claim(TAGS, false)))
                .as("its owner may claim it again, e.g. to make it private")
                .isEqualTo(new ClaimedThing(thingJid(), null, false));
        assertThat(get(other.search(BY_MAN, 0, null)).things()).isEmpty();
        other.close();
    }

    @Test
    void aPrivateThingIsNeverFound() throws Exception {
        assertThat(registerAndClaim(TAGS, null, false).isPublic()).isFalse();
        assertThat(get(events.claimed).isPublic()).isFalse();
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).isEmpty();
    }

    @Test
    void claimingTagsNobodyRegisteredFindsNothing() throws Exception {
        get(thing.register(TAGS, null, false));
        List<MetaTag> wrong = List.of(TAGS.get(0), TAGS.get(1), TAGS.get(2), str("KEY", "guessed"));
        Throwable e = failure(owner.claim(wrong, true));
        assertThat(e).isInstanceOf(ThingNotFoundException.class);
        assertThat(((IotErrorException) e).condition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(events.claimed).isNotDone();
    }

    @Test
    void updatesOfTheThingAndItsOwnerChangeWhatSearchesFind() throws Exception {
        assertThat(get(thing.update(List.of(num("V", "2")), null)))
                .as("a Thing the registry does not know is not found")
                .isEqualTo(UpdateOutcome.NOT_FOUND);
        get(thing.register(TAGS, null, false));
        assertThat(get(thing.update(List.of(num("V", "2")), null)))
                .as("an unclaimed Thing must register, not update")
                .isEqualTo(UpdateOutcome.DISOWNED);
        get(owner.claim(TAGS, true));

        assertThat(get(thing.update(List.of(str("MODEL", "IMC2")), null))).isEqualTo(UpdateOutcome.UPDATED);
        List<SearchOperator> byModel = List.of(new StringComparison(Comparison.EQ, "MODEL", "IMC2"));
        assertThat(get(owner.search(byModel, 0, null)).things()).hasSize(1);

        get(owner.update(thingPeer.getUser(), null, List.of(str("MODEL", ""), str("ROOM", "101"))));
        assertThat(get(owner.search(byModel, 0, null)).things())
                .as("an empty value removes the tag")
                .isEmpty();
        FoundThing t = get(owner.search(BY_MAN, 0, null)).things().get(0);
        assertThat(t.tag("ROOM")).contains(str("ROOM", "101"));

        assertThat(failure(owner.update(registryPeer.getUser(), null, List.of(str("ROOM", "1")))))
                .as("only owned Things are updated")
                .isInstanceOf(ThingNotFoundException.class);
    }

    @Test
    void removedThingsAreToldAndTheirUpdatesFindNothing() throws Exception {
        registerAndClaim(TAGS, null, true);

        assertThat(get(owner.remove(thingPeer.getUser(), null))).isNull();

        assertThat(get(events.removed)).isEqualTo(Events.NO_NODE);
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).isEmpty();
        assertThat(get(thing.update(List.of(num("V", "2")), null))).isEqualTo(UpdateOutcome.NOT_FOUND);
        assertThat(failure(owner.remove(thingPeer.getUser(), null))).isInstanceOf(ThingNotFoundException.class);
    }

    @Test
    void disownAsksTheThingAndThenFreesIt() throws Exception {
        registerAndClaim(TAGS, null, true);

        assertThat(get(owner.disown(thingPeer.getUser(), null))).isNull();

        assertThat(get(events.disowned)).isEqualTo(Events.NO_NODE);
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).isEmpty();
        assertThat(get(thing.register(TAGS, null, false)))
                .as("a disowned Thing registers again")
                .isEqualTo(new RegistrationResult.Registered());
        assertThat((Object) get(owner.claim(TAGS, true)).jid()).isEqualTo(thingJid());
    }

    @Test
    void aThingThatDoesNotAcknowledgeDisownedStaysOwned() throws Exception {
        registerAndClaim(TAGS, null, true);
        thing.close(); // no handler answers disowned any more

        assertThat(failure(owner.disown(thingPeer.getUser(), null))).isInstanceOf(ThingUnreachableException.class);

        assertThat(get(owner.search(BY_MAN, 0, null)).things()).hasSize(1);
        assertThat(failure(owner.disown(ownerPeer.getUser(), null)))
                .as("only owned Things are disowned")
                .isInstanceOf(ThingNotFoundException.class);
    }

    @Test
    void aThingAnswersOnlyItsRegistry() throws Exception {
        get(thing.register(TAGS, null, false));
        Claimed forged = new Claimed(ownerJid(), null, true);
        forged.setType(IQ.Type.set);
        forged.setTo(thingPeer.getUser());
        forged.setStanzaId("forged-1");
        ownerPeer.sendStanza(forged);

        IQ answer = (IQ) ownerPeer.await(s -> "forged-1".equals(s.getStanzaId()), WAIT);

        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(events.claimed).isNotDone();
    }

    @Test
    void anUnregisteredThingCannotBeClaimed() throws Exception {
        get(thing.register(TAGS, null, false));

        assertThat(get(thing.unregister(null))).isNull();

        assertThat(failure(owner.claim(TAGS, true))).isInstanceOf(ThingNotFoundException.class);
    }

    @Test
    void aSelfOwnedThingIsPublicAtOnce() throws Exception {
        assertThat(get(thing.register(TAGS, null, true))).isEqualTo(new RegistrationResult.Registered());

        List<FoundThing> found = get(owner.search(BY_MAN, 0, null)).things();
        assertThat(found).hasSize(1);
        assertThat((Object) found.get(0).owner().asBareJid()).isEqualTo(thingJid());
        assertThat(failure(owner.claim(TAGS, true))).isInstanceOf(ThingNotFoundException.class);
    }

    @Test
    void theNodesOfAConcentratorAreRegisteredAndClaimedOneByOne() throws Exception {
        NodeRef n1 = NodeRef.of("n1");
        NodeRef n2 = NodeRef.of("n2", "src", "cache");
        ThingDirectory rack = ThingDirectory.of(
                Thing.builder(n1)
                        .meta(str("SN", "1"))
                        .meta(str("MAN", "www.ktc.se"))
                        .build(),
                Thing.builder("bare").build(),
                Thing.builder(n2)
                        .meta(str("SN", "2"))
                        .meta(str("MAN", "www.ktc.se"))
                        .build());

        Map<NodeRef, RegistrationResult> results = get(thing.register(rack));

        assertThat(results.keySet()).containsExactly(n1, n2);
        assertThat(results.values()).containsOnly(new RegistrationResult.Registered());
        ClaimedThing c2 = get(owner.claim(List.of(str("SN", "2"), str("MAN", "www.ktc.se")), true));
        assertThat(c2).isEqualTo(new ClaimedThing(thingJid(), n2, true));
        assertThat(get(events.claimed)).isEqualTo(new Events.Claim(ownerJid(), n2, true));
        FoundThing t = get(owner.search(BY_MAN, 0, null)).things().get(0);
        assertThat(t.nodeRef()).contains(n2);

        get(owner.remove(thingPeer.getUser(), n2));
        assertThat(get(events.removed)).isEqualTo(n2);
    }

    @Test
    void searchesArePagedWithOffsetAndMore() throws Exception {
        for (int i = 1; i <= 3; i++) {
            registerAndClaim(List.of(str("SN", "s" + i), str("MAN", "www.ktc.se")), NodeRef.of("n" + i), true);
        }

        SearchResult first = get(owner.search(BY_MAN, 0, 2));
        SearchResult rest = get(owner.search(BY_MAN, 2, 2));

        assertThat(first.things()).hasSize(2);
        assertThat(first.more()).isTrue();
        assertThat(rest.things()).hasSize(1);
        assertThat(rest.more()).isFalse();
        assertThat(get(owner.search(List.of(new StringComparison(Comparison.EQ, "SN", "s2")), 0, null))
                        .things())
                .extracting(FoundThing::node)
                .containsExactly(NodeRef.of("n2"));
    }

    @Test
    void withFollowUpsTheThingBefriendsClearsItsKeyAndRegistersAgainWhenDisowned() throws Exception {
        thing.update(b ->
                b.followUps(true).publicTags(null, List.of(str("ROOM", "101"))).keys(node -> "k-2"));
        thingPeer.setReplyTimeout(300); // the roster calls go to the server, which is not on the link
        registerAndClaim(TAGS, null, true);

        assertThat(get(events.claimed)).isEqualTo(new Events.Claim(ownerJid(), null, true));
        Presence approved = (Presence)
                ownerPeer.await(s -> s instanceof Presence p && p.getType() == Presence.Type.subscribed, WAIT);
        assertThat((Object) approved.getFrom().asBareJid()).isEqualTo(thingJid());
        FoundThing t = get(owner.search(BY_MAN, 0, null)).things().get(0);
        assertThat(t.tag("ROOM")).as("the public tags are published").contains(str("ROOM", "101"));
        assertThat(failure(owner.claim(TAGS, true)))
                .as("the KEY was cleared, so the old claim string no longer matches")
                .isInstanceOf(ThingNotFoundException.class);
        int sent = thingPeer.sent().size();
        assertThat(get(thing.register(TAGS, null, false))).isEqualTo(new RegistrationResult.AlreadyClaimed(ownerJid()));
        assertThat(thingPeer.sent())
                .as("a claimed Thing does not register again")
                .hasSize(sent);
        thing.forget(null);
        assertThat(get(thing.register(TAGS, null, false)))
                .as("after forget the registry is asked, and says who owns it")
                .isEqualTo(new RegistrationResult.AlreadyClaimed(ownerJid()));
        assertThat(thingPeer.sent().size()).isGreaterThan(sent);

        get(owner.disown(thingPeer.getUser(), null));

        assertThat(get(events.disowned)).isEqualTo(Events.NO_NODE);
        List<MetaTag> fresh = get(events.registeredAgain);
        assertThat(fresh).containsExactly(TAGS.get(0), TAGS.get(1), TAGS.get(2), str("KEY", "k-2"));
        assertThat(get(owner.claim(fresh, false))).isEqualTo(new ClaimedThing(thingJid(), null, false));
    }

    @Test
    void withFollowUpsARemovedThingStopsUpdating() throws Exception {
        thing.update(b -> b.followUps(true));
        thingPeer.setReplyTimeout(300);
        registerAndClaim(TAGS, null, false);
        get(events.claimed);

        get(owner.remove(thingPeer.getUser(), null));
        assertThat(get(events.removed)).isEqualTo(Events.NO_NODE);
        long asked = requestsSent(); // the Thing's answer to the removal may still be on its way: count requests only

        assertThat(get(thing.update(List.of(num("V", "2")), null))).isEqualTo(UpdateOutcome.NOT_FOUND);
        assertThat(requestsSent()).as("nothing asked").isEqualTo(asked);
        thing.forget(null);
        assertThat(get(thing.register(TAGS, null, false))).isEqualTo(new RegistrationResult.Registered());
    }

    @Test
    void aRegistryThatIsNotOnlineIsNotFound() throws Exception {
        ownerPeer.setReplyTimeout(200);
        owner.update(b -> b.registry(registryPeer.getUser().asBareJid()));

        Throwable e = failure(owner.search(BY_MAN, 0, null));

        assertThat(e).isInstanceOf(RegistryNotFoundException.class);
        assertThat(e.getMessage()).contains("registry@example.org");
    }

    @Test
    void withoutARegistryConfiguredServiceDiscoveryFindsNone() throws Exception {
        ownerPeer.setReplyTimeout(200);
        owner.update(b -> b.registry(null));

        assertThat(failure(owner.claim(TAGS, true))).isInstanceOf(RegistryNotFoundException.class);
    }

    /** What the Thing's listener heard. */
    static final class Events implements ThingDiscoveryListener {
        static final NodeRef NO_NODE = NodeRef.of("(none)");

        record Claim(Jid owner, NodeRef node, boolean isPublic) {
            Claim {
                owner = owner.asBareJid();
            }
        }

        final CompletableFuture<Claim> claimed = new CompletableFuture<>();
        final CompletableFuture<NodeRef> removed = new CompletableFuture<>();
        final CompletableFuture<NodeRef> disowned = new CompletableFuture<>();
        final CompletableFuture<List<MetaTag>> registeredAgain = new CompletableFuture<>();

        @Override
        public void claimed(Jid owner, NodeRef node, boolean isPublic) {
            claimed.complete(new Claim(owner, node, isPublic));
        }

        @Override
        public void removed(NodeRef node) {
            removed.complete(node == null ? NO_NODE : node);
        }

        @Override
        public void disowned(NodeRef node) {
            disowned.complete(node == null ? NO_NODE : node);
        }

        @Override
        public void registeredAgain(NodeRef node, List<MetaTag> tags) {
            registeredAgain.complete(tags);
        }
    }

    /** IQ requests ({@code get} or {@code set}) the Thing has sent so far. */
    private long requestsSent() {
        return thingPeer.sent().stream()
                .filter(x -> x.startsWith("<iq") && (x.contains("type='get'") || x.contains("type='set'")))
                .count();
    }
}
