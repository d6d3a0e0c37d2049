package io.github.xmppiot.discovery.chaos;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.ThingDiscoveryManager;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.Fault;
import io.github.xmppiot.testkit.FaultProxy;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * A thing registry (XEP-0347) on an account, a Thing, an owner and a searcher, all behind a {@link FaultProxy} with
 * the SDK's default reconnection policy: after a clean server restart, a {@code kill -9} and a 10 s network cut the
 * registry answers again by itself, keeps every record it acknowledged, a search in flight fails at once with
 * {@link ConnectionLostException}, and a Thing still waiting for its claim can be claimed.
 */
@ProsodyTest
class RegistryChaosIT {

    static final Duration GUARD = Duration.ofSeconds(30);
    static final List<SearchOperator> ALL = List.of(new StringComparison(Comparison.EQ, "MODEL", "Chaos"));

    @TempDir
    Path dir;

    private static List<MetaTag> tags(String sn) {
        return List.of(str("MODEL", "Chaos"), str("SN", sn), str("KEY", "k-" + sn + "-8243570239457"));
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    }

    private XMPPTCPConnection connect(ProsodyServer server, FaultProxy proxy, String user) throws Exception {
        return IotConnection.connect(
                server.iotConfigBuilder(user).port(proxy.port()).resource("r").build());
    }

    @Test
    void theRegistryKeepsEveryRecordAndAnswersAgainAfterEveryFault(ProsodyServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server);
                JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("registry"))) {
            XMPPTCPConnection registryConn = connect(server, proxy, "chaos-registry");
            ThingRegistry registry = ThingRegistry.start(
                    registryConn,
                    storage,
                    ThingRegistrySettings.builder()
                            .options(RegistryOptions.defaults().withThingTimeout(Duration.ofSeconds(5)))
                            .build());
            Jid reg = server.jid("chaos-registry");
            ConnectionEventRecorder registryEvents = ConnectionEventRecorder.attach(registryConn);
            ThingDiscoveryManager waiting = ThingDiscoveryManager.getInstanceFor(connect(server, proxy, "chaos-wait"));
            waiting.update(b -> b.registry(reg));
            assertThat(get(waiting.register(tags("waiting"), null, false)))
                    .isEqualTo(new RegistrationResult.Registered());
            OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(connect(server, proxy, "chaos-owner"));
            owner.update(b -> b.registry(reg));

            int n = 0;
            for (Fault fault : Fault.values()) {
                n++;
                ThingDiscoveryManager thing =
                        ThingDiscoveryManager.getInstanceFor(connect(server, proxy, "chaos-thing" + n));
                thing.update(b -> b.registry(reg));
                get(thing.register(tags("sn-" + n), null, false));
                get(owner.claim(tags("sn-" + n), true));
                proxy.blackHole(GUARD, FaultProxy.Direction.TO_SERVER);
                CompletableFuture<?> inFlight = owner.search(ALL, 0, 100);

                fault.inject(server, proxy);

                assertThatThrownBy(() -> get(inFlight))
                        .as(fault.toString())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(ConnectionLostException.class);
                int expected = n;
                eventually(
                        "the registry finds all " + n + " claimed Things after the " + fault,
                        GUARD,
                        () -> owner.search(ALL, 0, 100)
                                        .get(5, TimeUnit.SECONDS)
                                        .things()
                                        .size()
                                == expected);
                assertThat(registryEvents
                                .await(ConnectionEvent.Restored.class, GUARD)
                                .resumed())
                        .as(fault + ": XEP-0198 resumption only after a network cut")
                        .isEqualTo(fault == Fault.NETWORK_CUT);
            }
            List<FoundThing> found = get(owner.search(ALL, 0, 100)).things();
            assertThat(found)
                    .extracting(t -> t.tag("SN").orElseThrow())
                    .containsExactlyInAnyOrder(str("SN", "sn-1"), str("SN", "sn-2"), str("SN", "sn-3"));
            assertThat(get(owner.claim(tags("waiting"), true)).jid().asBareJid().toString())
                    .as("the registration awaiting its claim survived every fault")
                    .isEqualTo(server.jid("chaos-wait").toString());
            registry.close();
        }
    }
}
