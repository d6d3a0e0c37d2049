package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.Fault;
import io.github.xmppiot.testkit.FaultProxy;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provisioning server (XEP-0324), its Thing, the owner and a client, all behind a {@link FaultProxy} with the SDK's
 * default reconnection policy: after a clean server restart, a {@code kill -9} and a 10 s network cut the
 * provisioning server answers again by itself, keeps every rule it acknowledged, and a question in flight fails at
 * once with {@link ConnectionLostException}.
 */
@ProsodyTest(logLevel = "info")
class ProvisioningChaosIT {

    static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static AccessRequest read(World w, String... fields) {
        return AccessRequest.read(
                w.client.getUser(), Tokens.NONE, List.of(), Set.of(fields), Set.of(FieldCategory.MOMENTARY));
    }

    @Test
    void theProvisioningServerKeepsEveryRuleAndAnswersAgainAfterEveryFault(ProsodyServer prosody) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(prosody)) {
            World w = World.create(prosody, dir, "chaos", proxy.port());
            ConnectionEventRecorder serverEvents = ConnectionEventRecorder.attach(w.provisioning);
            List<String> fields = new ArrayList<>();
            int n = 0;
            for (Fault fault : Fault.values()) {
                n++;
                String field = "Field" + n;
                fields.add(field);
                // the owner's connection is behind the proxy too: after a fault it may still be reconnecting
                eventually(
                        "the owner is online",
                        GUARD,
                        () -> ConnectionSupervisor.getInstanceFor(w.owner).state()
                                == ConnectionSupervisor.State.ONLINE);
                w.readRule(w.jid("client").toString(), List.of(), List.copyOf(fields));
                proxy.blackHole(GUARD, FaultProxy.Direction.TO_SERVER);
                CompletableFuture<Boolean> inFlight = ProvisioningServiceClient.getInstanceFor(w.client)
                        .hasPrivilege(w.serverBareJid(), "service-token", "user-token", "chaos.privilege");

                fault.inject(prosody, proxy);

                assertThatThrownBy(() -> inFlight.get(GUARD.toSeconds(), TimeUnit.SECONDS))
                        .as(fault.toString())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(ConnectionLostException.class);
                w.cache.clear(); // ask the server, not the cache
                eventually(
                        "the provisioning server answers with the rule after the " + fault,
                        GUARD,
                        () -> w.thingClient
                                .accessPolicy()
                                .decide(read(w, field, "Unlisted"))
                                .toCompletableFuture()
                                .get(5, TimeUnit.SECONDS)
                                .equals(AccessDecision.allowOnly(List.of(), Set.of(field))));
                assertThat(serverEvents
                                .await(ConnectionEvent.Restored.class, GUARD)
                                .resumed())
                        .as(fault + ": XEP-0198 resumption only after a network cut")
                        .isEqualTo(fault == Fault.NETWORK_CUT);
                assertThat(w.store.rules(
                                w.jid("thing").toString(),
                                AccessRequest.Kind.READ,
                                Set.of(w.jid("client").toString())))
                        .extracting(Rule::names)
                        .containsExactly(fields);
            }
            w.cache.clear();
            assertThat(await(w.thingClient.accessPolicy().decide(read(w, "Unlisted"))))
                    .as("an unlisted field is still refused")
                    .isEqualTo(AccessDecision.deny());
        }
    }
}
