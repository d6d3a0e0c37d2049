package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/** XEP-0324 §3.5.1/§5.2 across restarts: the Thing's persistent cache, the server's crash safety, clearCache on return. */
@ProsodyTest(logLevel = "info")
class ProvisioningRestartIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static AccessRequest read(World w, Set<String> fields) {
        return AccessRequest.read(w.client.getUser(), Tokens.NONE, List.of(), fields, Set.of(FieldCategory.MOMENTARY));
    }

    @Test
    void theThingRestartsWithItsCacheIntact(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "tr");
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        AccessDecision narrowed = AccessDecision.allowOnly(List.of(), Set.of("Temperature"));
        assertThat(await(w.thingClient.accessPolicy().decide(read(w, Set.of("Temperature", "Humidity")))))
                .isEqualTo(narrowed);

        w.server.close(); // from now on the server answers nothing: only the cache can decide
        w.stopThing();
        w.connectThing(null);
        await(w.thingClient.trust(w.serverBareJid())); // a known server: no new trust relationship, cache kept
        assertThat(w.cache.size()).isEqualTo(1);
        assertThat(await(w.thingClient.accessPolicy().decide(read(w, Set.of("Temperature", "Humidity")))))
                .isEqualTo(narrowed);

        w.cache.clear(); // without the cache the unanswered question is a refusal
        assertThat(await(w.thingClient.accessPolicy().decide(read(w, Set.of("Temperature", "Humidity")))))
                .isEqualTo(AccessDecision.deny());
        w.server = io.github.xmppiot.provisioning.server.ProvisioningServer.start(w.provisioning, w.store);
    }

    @Test
    void aServerCrashLosesNoAcknowledgedRule(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "crash");
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        w.controlRule(w.jid("client").toString(), List.of("Out1"), List.of());

        w.crashAndRestartServer();

        assertThat(w.store.owner(w.jid("thing").toString()))
                .contains(w.jid("owner").toString());
        assertThat(w.store.rules(
                        w.jid("thing").toString(),
                        AccessRequest.Kind.READ,
                        Set.of(w.jid("client").toString())))
                .extracting(Rule::names)
                .containsExactly(List.of("Temperature"));
        assertThat(await(w.thingClient.accessPolicy().decide(read(w, Set.of("Temperature", "Humidity")))))
                .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Temperature")));
    }

    @Test
    void aThingOfflineDuringARuleChangeIsToldToClearItsCacheWhenItComesBack(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "back");
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        AccessRequest request = read(w, Set.of("Temperature", "Humidity"));
        assertThat(await(w.thingClient.accessPolicy().decide(request)))
                .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Temperature")));
        CompletableFuture<String> acknowledged = new CompletableFuture<>();
        w.server.addListener(new io.github.xmppiot.provisioning.server.ServerListener() {
            @Override
            public void clearCacheAcknowledged(String thing) {
                acknowledged.complete(thing);
            }
        });

        w.stopThing();
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature", "Humidity"));
        assertThat(w.store.clearPending()).contains(w.jid("thing").toString());

        CompletableFuture<Jid> cleared = new CompletableFuture<>();
        w.connectThing(new ProvisioningListener() {
            @Override
            public void cacheCleared(Jid cause) {
                cleared.complete(cause);
            }
        });
        assertThat(await(cleared).asBareJid().toString())
                .isEqualTo(w.serverBareJid().toString());
        assertThat(await(acknowledged)).isEqualTo(w.jid("thing").toString());
        assertThat(w.store.clearPending()).doesNotContain(w.jid("thing").toString());
        await(w.thingClient.trust(w.serverBareJid()));
        assertThat(await(w.thingClient.accessPolicy().decide(request))).isEqualTo(AccessDecision.allowAll());
    }
}
