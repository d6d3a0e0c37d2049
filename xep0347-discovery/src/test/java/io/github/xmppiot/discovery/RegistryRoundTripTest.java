package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.BY_MAN;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.TAGS;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.WAIT;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.failure;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import io.github.xmppiot.discovery.registry.ClaimReporter;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.testkit.StanzaLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;

/**
 * The Thing Registry's own behaviour over in-memory connections (XEP-0347 §3.5-§3.17): requests as IQ {@code get},
 * its limits, claim reports (XEP-0324 hand-over), settings swapped while running, and close.
 */
class RegistryRoundTripTest extends RegistryRoundTrip {

    private void registerAndClaim(List<MetaTag> tags) throws Exception {
        get(thing.register(tags, null, false));
        get(owner.claim(tags, true));
    }

    /** Sends a request from the owner's connection and waits for the answer to it. */
    private IQ ask(IQ request) throws Exception {
        request.setTo(registryPeer.getUser());
        ownerPeer.sendStanza(request);
        String id = request.getStanzaId();
        return (IQ) ownerPeer.await(s -> id.equals(s.getStanzaId()), WAIT);
    }

    @Test
    void requestsAreAnsweredAsGetAsWellAsSet() throws Exception {
        registerAndClaim(TAGS);
        Search search = new Search(BY_MAN, 0, null);
        search.setType(IQ.Type.get);

        IQ answer = ask(search);

        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat(((Found) answer).result().things()).hasSize(1);
    }

    @Test
    void theFeatureIsAdvertisedUntilClose() throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(registryPeer);
        assertThat(disco.includesFeature(DiscoveryXml.NAMESPACE)).isTrue();
        assertThatThrownBy(() -> ThingRegistry.start(registryPeer, storage))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close()");

        registry.close();
        registry.close();

        assertThat(disco.includesFeature(DiscoveryXml.NAMESPACE)).isFalse();
        Throwable e = failure(thing.register(TAGS, null, false));
        assertThat(e).isInstanceOf(IotErrorException.class);
        assertThat(((IotErrorException) e).condition()).isNotEqualTo(StanzaError.Condition.item_not_found);
        assertThatThrownBy(() -> registry.update(b -> b.claimReporter(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start a new one");
        registry = ThingRegistry.start(registryPeer, storage);
        assertThat(get(thing.register(TAGS, null, false))).isEqualTo(new RegistrationResult.Registered());
    }

    @Test
    void limitsAreAnsweredWithBadRequest() throws Exception {
        registry.update(b -> b.options(
                new RegistryOptions(10, 3, Duration.ofSeconds(2), Duration.ofSeconds(5)).withSearchLimits(1, WAIT)));
        assertThat(registry.settings().options().maxTagsPerThing()).isEqualTo(3);

        Throwable tooMany = failure(thing.register(TAGS, null, false));
        assertThat(tooMany).isInstanceOf(IotErrorException.class);
        assertThat(((IotErrorException) tooMany).condition()).isEqualTo(StanzaError.Condition.bad_request);

        List<SearchOperator> two = List.of(
                new StringComparison(Comparison.EQ, "MAN", "www.ktc.se"),
                new StringComparison(Comparison.EQ, "SN", "1"));
        Throwable wide = failure(owner.search(two, 0, null));
        assertThat(((IotErrorException) wide).condition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(wide.getMessage()).contains("more than 1 search operators");
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).isEmpty();
    }

    @Test
    void aSmallerPageSizeTakesEffectForTheNextSearch() throws Exception {
        registerAndClaim(List.of(str("SN", "1"), str("MAN", "www.ktc.se")));
        get(thing.register(List.of(str("SN", "2"), str("MAN", "www.ktc.se")), NodeRef.of("b"), false));
        get(owner.claim(List.of(str("SN", "2"), str("MAN", "www.ktc.se")), true));
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).hasSize(2);

        registry.update(b -> b.options(b.build().options().withMaxPageSize(1)));

        SearchResult page = get(owner.search(BY_MAN, 0, 10));
        assertThat(page.things()).hasSize(1);
        assertThat(page.more()).isTrue();
        assertThat(registry.rules()).isNotNull();
    }

    @Test
    void aClaimIsReportedBeforeTheOwnerIsAnswered() throws Exception {
        List<String> reports = new ArrayList<>();
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        registry.update(b -> b.claimReporter((t, o) -> {
            synchronized (reports) {
                reports.add(t + " " + o);
            }
            return accepted;
        }));
        get(thing.register(TAGS, null, false));

        CompletableFuture<ClaimedThing> claim = owner.claim(TAGS, true);
        thingPeer.await(s -> s instanceof IQ iq && iq.getType() == IQ.Type.set, WAIT); // the registry told the Thing
        assertThat(claim).as("the owner waits for the report").isNotDone();
        accepted.complete(null);

        assertThat((Object) get(claim).jid()).isEqualTo(thingPeer.getUser().asBareJid());
        synchronized (reports) {
            assertThat(reports)
                    .containsExactly(thingPeer.getUser().asBareJid() + " "
                            + ownerPeer.getUser().asBareJid());
        }
    }

    @Test
    void aFailedOrSlowReportDoesNotUndoTheClaim() throws Exception {
        registry.update(b -> b.claimReporter((t, o) -> {
            throw new IllegalStateException("provisioning server down");
        }));
        registerAndClaim(TAGS);
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).hasSize(1);

        registry.update(b -> b.claimReporter((t, o) -> new CompletableFuture<>())
                .options(RegistryOptions.defaults().withThingTimeout(Duration.ofMillis(200))));
        List<MetaTag> second = List.of(str("SN", "2"), str("MAN", "www.ktc.se"));
        get(thing.register(second, NodeRef.of("b"), false));
        assertThat(get(owner.claim(second, true)).node()).isEqualTo(NodeRef.of("b"));
        assertThat(get(owner.search(BY_MAN, 0, null)).things()).hasSize(2);
    }

    @Test
    void theProvisioningServerGetsTheClaimCommand() throws Exception {
        StanzaLink.Peer provisioning = link.peer("provisioning");
        registry.update(b -> b.claimReporter(
                ClaimReporter.provisioningServer(registryPeer, provisioning.getUser(), Duration.ofSeconds(2))));
        get(thing.register(TAGS, null, false));

        CompletableFuture<ClaimedThing> claim = owner.claim(TAGS, true);
        Stanza command = provisioning.await(s -> s instanceof IQ iq && iq.getType() == IQ.Type.set, WAIT);

        String xml = command.toXML().toString();
        assertThat(xml).contains(ClaimReporter.CLAIM_COMMAND);
        assertThat(xml).contains(thingPeer.getUser().asBareJid().toString());
        assertThat(xml).contains(ownerPeer.getUser().asBareJid().toString());
        assertThat(get(claim).isPublic())
                .as("the provisioning server did not accept it; the claim stands")
                .isTrue();
    }

    @Test
    void aThingOverItsRecordLimitIsRefused() throws Exception {
        registry.update(b -> b.options(RegistryOptions.defaults().withMaxRecordsPerJid(1)));
        get(thing.register(TAGS, null, false));

        Throwable e = failure(thing.register(List.of(str("SN", "2")), NodeRef.of("b"), false));

        assertThat(e).isInstanceOf(IotErrorException.class);
        assertThat(((IotErrorException) e).condition()).isNotEqualTo(StanzaError.Condition.item_not_found);
        BareJid jid = thingPeer.getUser().asBareJid();
        assertThat(get(thing.register(TAGS, null, false)))
                .as("registering the same record again is no new record: " + jid)
                .isEqualTo(new RegistrationResult.Registered());
    }
}
