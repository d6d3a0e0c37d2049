package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.TAGS;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.WAIT;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.failure;
import static io.github.xmppiot.discovery.DiscoveryRoundTripTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.testkit.StanzaLink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.SmackConfiguration.UnknownIqRequestReplyMode;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ThingDiscoveryManager#registerWhenReachable} over in-memory connections (XEP-0347 §3.6, §5.3): a Thing that
 * comes up before its registry waits, and registers once the registry answers.
 */
class PatientRegistrationRoundTripTest {

    StanzaLink link;
    StanzaLink.Peer registryPeer;
    StanzaLink.Peer thingPeer;
    JdbcRegistryStorage storage;
    ThingRegistry registry;
    ThingDiscoveryManager thing;

    @BeforeEach
    void start() throws Exception {
        link = new StanzaLink();
        registryPeer = link.peer("registry");
        // an account without a registry running answers service-unavailable, as a server does for a missing resource
        registryPeer.setUnknownIqRequestReplyMode(UnknownIqRequestReplyMode.replyServiceUnavailable);
        thingPeer = link.peer("thing");
        thingPeer.setReplyTimeout(1000); // also the pause before registering again
        storage = RegistryDatabases.h2Memory();
        thing = ThingDiscoveryManager.getInstanceFor(thingPeer);
        thing.update(b -> b.registry(registryPeer.getUser()).followUps(false));
    }

    @AfterEach
    void stop() {
        thing.close();
        if (registry != null) {
            registry.close();
        }
        link.close();
        storage.close();
    }

    @Test
    void aThingWaitsForItsRegistryAndRegistersOnceItAnswers() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicInteger told = new AtomicInteger();

        CompletableFuture<RegistrationResult> done = thing.registerWhenReachable(TAGS, null, false, () -> {
            told.incrementAndGet();
            waiting.countDown();
        });

        assertThat(waiting.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("the Thing says it waits")
                .isTrue();
        assertThat(done).isNotDone();
        registry = ThingRegistry.start(registryPeer, storage);
        assertThat(get(done)).isEqualTo(new RegistrationResult.Registered());
        assertThat(told).as("said once").hasValue(1);
    }

    @Test
    void aRegistryThatIsThereAnswersAtOnce() throws Exception {
        registry = ThingRegistry.start(registryPeer, storage);

        CompletableFuture<RegistrationResult> done = thing.registerWhenReachable(TAGS, null, false, () -> {
            throw new AssertionError("the registry was reachable");
        });

        assertThat(get(done)).isEqualTo(new RegistrationResult.Registered());
    }

    @Test
    void aRefusalEndsTheWait() throws Exception {
        registry = ThingRegistry.start(
                registryPeer,
                storage,
                ThingRegistrySettings.builder()
                        .options(new RegistryOptions(10, 2, Duration.ofSeconds(2), Duration.ofSeconds(5)))
                        .build());

        Throwable e = failure(thing.registerWhenReachable(TAGS, null, false, () -> {}));

        assertThat(e).isInstanceOf(IotErrorException.class);
        assertThat(((IotErrorException) e).condition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(get(thing.registerWhenReachable(List.of(str("SN", "1")), null, false, () -> {})))
                .isEqualTo(new RegistrationResult.Registered());
    }
}
