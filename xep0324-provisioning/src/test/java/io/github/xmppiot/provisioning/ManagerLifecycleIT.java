package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static io.github.xmppiot.provisioning.World.subscriptionAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.provisioning.element.ClearCache;
import io.github.xmppiot.provisioning.element.IsFriend;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ServerListener;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;

/**
 * The manager convention (docs/CONVENTIONS.md "Managers") on XEP-0324's two managers, on a real Prosody: settings
 * swapped by {@code configure}/{@code update} are what the next request sees, the settings' {@link IotExecutors} is what
 * runs the work, and {@code close()} gives the lease back, unregisters the handlers and is idempotent.
 */
@ProsodyTest(logLevel = "info")
class ManagerLifecycleIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static AccessRequest read(XMPPConnection who) {
        return AccessRequest.read(who.getUser(), Tokens.NONE, List.of(), Set.of(), Set.of(FieldCategory.MOMENTARY));
    }

    /** Registers a placeholder handler and returns the one it replaced (null if none was registered), then removes it. */
    private static IQRequestHandler registeredFor(XMPPConnection c, String element, IQ.Type type) {
        IQRequestHandler probe =
                new IotIqRequestHandler<IQ>(
                        c, element, ProvisioningIq.NAMESPACE, type, IQ.class, Duration.ofSeconds(1)) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(IQ request) {
                        return CompletableFuture.failedFuture(new IllegalStateException("probe"));
                    }
                };
        IQRequestHandler previous = c.registerIQRequestHandler(probe);
        c.unregisterIQRequestHandler(probe);
        return previous;
    }

    @Test
    void theClientDecidesWithTheNewestSettingsRunsOnItsExecutorsAndClosesCleanly(ProsodyServer prosody)
            throws Exception {
        IotExecutors mine =
                IotExecutors.builder().name("lc-thing").workThreads(2).build();
        XMPPTCPConnection thing = prosody.connect("lc-thing");
        XMPPTCPConnection stranger = prosody.connect("lc-stranger");
        ProvisioningClient client = ProvisioningClient.getInstanceFor(thing);

        // no server trusted: the fallback decides, and a swapped fallback decides the very next request
        assertThat(await(client.accessPolicy().decide(read(stranger)))).isEqualTo(AccessDecision.deny());
        client.update(b -> b.fallback(AccessPolicy.allowEveryone()).executors(mine));
        assertThat(await(client.accessPolicy().decide(read(stranger)))).isEqualTo(AccessDecision.allowAll());
        assertThat(mine.activeLeases()).isEqualTo(1);

        // the pool for blocking Smack calls is the one of the settings
        CompletableFuture<String> thread = new CompletableFuture<>();
        client.work().execute(() -> thread.complete(Thread.currentThread().getName()));
        assertThat(thread.get(World.TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("lc-thing-work-");

        client.close();
        assertThat(mine.activeLeases()).isZero();
        assertThat(registeredFor(thing, ClearCache.ELEMENT, IQ.Type.set))
                .as("clearCache handler unregistered")
                .isNull();
        client.close(); // idempotent
        assertThat(mine.activeLeases()).isZero();
        assertThatThrownBy(() -> client.update(b -> b)).isInstanceOf(IllegalStateException.class);

        ProvisioningClient fresh = ProvisioningClient.getInstanceFor(thing);
        assertThat(fresh).isNotSameAs(client);
        assertThat(fresh.settings()).isEqualTo(ProvisioningClientSettings.DEFAULTS);
        assertThat(await(fresh.accessPolicy().decide(read(stranger)))).isEqualTo(AccessDecision.deny());
        fresh.close();
    }

    @Test
    void friendshipDecisionsRunOnTheClientsExecutors(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "lcf");
        IotExecutors mine = IotExecutors.builder().name("lcf-thing").build();
        w.thingClient.update(b -> b.executors(mine));
        CompletableFuture<String> decidedOn = new CompletableFuture<>();
        w.thingClient.addListener(new ProvisioningListener() {
            @Override
            public void friendshipDecided(BareJid requester, boolean accepted) {
                decidedOn.complete(Thread.currentThread().getName());
            }
        });
        CompletableFuture<Boolean> answer = subscriptionAnswer(w.stranger, w.jid("thing"));
        Roster.getInstanceFor(w.stranger).sendSubscriptionRequest(w.jid("thing"));
        assertThat(answer.get(World.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isFalse();
        assertThat(decidedOn.get(World.TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("lcf-thing-work-");
        w.thingClient.close();
        assertThat(mine.activeLeases()).isZero();
    }

    @Test
    void theServerRunsOnTheExecutorsOfItsSettingsAndClosesCleanly(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "lcs");
        IotExecutors mine = IotExecutors.builder().name("lcs-server").build();
        w.server.update(b -> b.executors(mine));
        assertThat(w.server.settings().executors()).isSameAs(mine);
        assertThat(mine.activeLeases()).isEqualTo(1);

        CompletableFuture<String> pushedOn = new CompletableFuture<>();
        w.server.addListener(new ServerListener() {
            @Override
            public void clearCacheAcknowledged(String thing) {
                pushedOn.complete(Thread.currentThread().getName());
            }
        });
        await(w.server.rulesChanged(w.jid("thing").toString()));
        assertThat(pushedOn.get(World.TIMEOUT_SECONDS, TimeUnit.SECONDS)).startsWith("lcs-server-work-");

        assertThatThrownBy(() -> ProvisioningServer.start(w.provisioning, w.store))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close() it before starting another");

        w.server.close();
        assertThat(mine.activeLeases()).isZero();
        assertThat(registeredFor(w.provisioning, IsFriend.ELEMENT, IQ.Type.get))
                .as("isFriend handler unregistered")
                .isNull();
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.provisioning).includesFeature(ProvisioningIq.NAMESPACE))
                .isFalse();
        w.server.close(); // idempotent (World closes it once more)
        assertThat(mine.activeLeases()).isZero();
        assertThatThrownBy(() -> w.server.update(b -> b)).isInstanceOf(IllegalStateException.class);

        // once closed, another server may start on the same connection
        w.server = ProvisioningServer.start(w.provisioning, w.store);
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.provisioning).includesFeature(ProvisioningIq.NAMESPACE))
                .isTrue();
    }
}
