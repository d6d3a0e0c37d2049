package io.github.xmppiot.discovery;

import static io.github.xmppiot.discovery.PlayedServer.jid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.discovery.ProvisioningLocator.Found;
import io.github.xmppiot.discovery.ProvisioningLocator.Method;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * The asking methods 5-7 of XEP-0347 §3.11 (registry, owner, server components) against a server this test plays: who is
 * asked by disco#info (XEP-0030), at which address, and what is found.
 */
class ProvisioningLocatorDiscoTest {

    private static final String FEATURE = ProvisioningLocator.PROVISIONING_NAMESPACE;
    private static final Jid REGISTRY_DESK = jid("registry@example.org/desk");
    private static final Jid OWNER_PHONE = jid("owner@example.org/phone");

    private PlayedServer thing;

    /** disco#info answers by address: the features, or null for an error; unknown addresses get no feature. */
    private volatile Map<Jid, List<String>> info = Map.of();

    private volatile List<String> components = List.of();

    @BeforeEach
    void start() throws Exception {
        thing = PlayedServer.loggedIn();
        thing.answer(PlayedServer.disco(() -> components, () -> info));
    }

    @AfterEach
    void stop() {
        thing.instantShutdown();
    }

    private Optional<Found> find(ProvisioningLocator.Builder b) throws Exception {
        return b.executor(Runnable::run).build().find().get(10, TimeUnit.SECONDS);
    }

    private ProvisioningLocator.Builder locator() {
        return ProvisioningLocator.builder(thing).searchComponents(false);
    }

    private List<Jid> askedForInfo() {
        return thing.requests.stream()
                .filter(iq -> iq instanceof DiscoverInfo)
                .map(IQ::getTo)
                .toList();
    }

    @Test
    void aRegistryAtAFullJidThatAdvertisesTheFeatureIsFoundUnderItsBareJid() throws Exception {
        info = Map.of(REGISTRY_DESK, List.of(FEATURE), OWNER_PHONE, List.of(FEATURE));

        Optional<Found> found = find(locator().registry(REGISTRY_DESK).owner(OWNER_PHONE));

        assertThat(found).contains(new Found(REGISTRY_DESK.asBareJid(), Method.REGISTRY));
        assertThat(askedForInfo()).containsExactly(REGISTRY_DESK);
    }

    @Test
    void theOwnerIsAskedWhenTheRegistryDoesNotAdvertiseTheFeature() throws Exception {
        info = Map.of(OWNER_PHONE, List.of(FEATURE));

        Optional<Found> found = find(locator().registry(REGISTRY_DESK).owner(OWNER_PHONE));

        assertThat(found).contains(new Found(OWNER_PHONE.asBareJid(), Method.OWNER));
        assertThat(askedForInfo()).containsExactly(REGISTRY_DESK, OWNER_PHONE);
    }

    @Test
    void aRegistryThatAnswersWithAnErrorIsSkipped() throws Exception {
        var answers = new java.util.HashMap<Jid, List<String>>();
        answers.put(REGISTRY_DESK, null);
        answers.put(OWNER_PHONE, List.of(FEATURE));
        info = answers;

        Optional<Found> found = find(locator().registry(REGISTRY_DESK).owner(OWNER_PHONE));

        assertThat(found).contains(new Found(OWNER_PHONE.asBareJid(), Method.OWNER));
    }

    @Test
    void anOwnerAloneIsAsked() throws Exception {
        info = Map.of(OWNER_PHONE, List.of(FEATURE));

        assertThat(find(locator().owner(OWNER_PHONE))).contains(new Found(OWNER_PHONE.asBareJid(), Method.OWNER));
    }

    @Test
    void aRegistryAloneThatDoesNotAdvertiseFindsNothing() throws Exception {
        assertThat(find(locator().registry(REGISTRY_DESK))).isEmpty();
        assertThat(askedForInfo()).containsExactly(REGISTRY_DESK);
    }

    @Test
    void aComponentRegistryIsAskedAtItsAddress() throws Exception {
        Jid component = jid("registry.example.org");
        info = Map.of(component, List.of(FEATURE));

        assertThat(find(locator().registry(component))).contains(new Found(component, Method.REGISTRY));
    }

    @Test
    void anAccountOnlineInTheRosterIsAskedAtItsResource() throws Exception {
        thing.rosterPush(REGISTRY_DESK.asBareJid(), RosterPacket.ItemType.to);
        thing.presenceFrom(REGISTRY_DESK, Presence.Type.available);
        awaitOnline(REGISTRY_DESK);
        info = Map.of(REGISTRY_DESK, List.of(FEATURE));

        Optional<Found> found = find(locator().registry(REGISTRY_DESK.asBareJid()));

        assertThat(found).contains(new Found(REGISTRY_DESK.asBareJid(), Method.REGISTRY));
        assertThat(askedForInfo()).containsExactly(REGISTRY_DESK);
    }

    @Test
    void anAccountThatWentOfflineIsNotAsked() throws Exception {
        thing.rosterPush(REGISTRY_DESK.asBareJid(), RosterPacket.ItemType.to);
        thing.presenceFrom(REGISTRY_DESK, Presence.Type.available);
        awaitOnline(REGISTRY_DESK);
        thing.presenceFrom(REGISTRY_DESK, Presence.Type.unavailable);
        awaitOffline(REGISTRY_DESK);
        info = Map.of(REGISTRY_DESK, List.of(FEATURE), REGISTRY_DESK.asBareJid(), List.of(FEATURE));

        assertThat(find(locator().registry(REGISTRY_DESK.asBareJid()))).isEmpty();
        assertThat(askedForInfo()).isEmpty();
    }

    @Test
    void theFirstServerComponentWithTheFeatureIsFound() throws Exception {
        components = List.of("pubsub.example.org", "provisioning.example.org");
        info = Map.of(jid("provisioning.example.org"), List.of(FEATURE));

        Optional<Found> found =
                find(ProvisioningLocator.builder(thing).registry(REGISTRY_DESK).searchComponents(true));

        assertThat(found).contains(new Found(jid("provisioning.example.org"), Method.COMPONENT_SEARCH));
    }

    @Test
    void noServerComponentWithTheFeatureFindsNothing() throws Exception {
        components = List.of("pubsub.example.org");

        assertThat(find(ProvisioningLocator.builder(thing))).isEmpty();
        assertThat(askedForInfo()).contains(jid("pubsub.example.org"));
    }

    @Test
    void anInterruptedAskFailsAndKeepsTheInterrupt() throws Exception {
        thing.answer(iq -> null); // nobody answers

        findsNothingButTheInterrupt(locator().registry(REGISTRY_DESK));
    }

    @Test
    void anInterruptedComponentSearchFailsAndKeepsTheInterrupt() throws Exception {
        thing.answer(iq -> null);

        findsNothingButTheInterrupt(ProvisioningLocator.builder(thing));
    }

    /** Runs a search on an interrupted thread: it fails with the interrupt, which the caller keeps. */
    private static void findsNothingButTheInterrupt(ProvisioningLocator.Builder b) {
        Thread.currentThread().interrupt();
        CompletableFuture<Optional<Found>> f = b.executor(Runnable::run).build().find();
        boolean stillInterrupted = Thread.interrupted();

        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
    }

    private void awaitOnline(Jid full) throws InterruptedException {
        awaitPresence(full, true);
    }

    private void awaitOffline(Jid full) throws InterruptedException {
        awaitPresence(full, false);
    }

    /** Smack's roster handles presences on its own thread: polls for up to 10 s. */
    private void awaitPresence(Jid full, boolean available) throws InterruptedException {
        var roster = org.jivesoftware.smack.roster.Roster.getInstanceFor(thing);
        ConnectionEventRecorder.eventually(
                "presence of " + full,
                Duration.ofSeconds(10),
                () -> roster.getPresence(full.asBareJid()).isAvailable() == available);
    }
}
