package io.github.xmppiot.provisioning;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.ClaimedThing;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.ThingDiscoveryManager;
import io.github.xmppiot.discovery.registry.ClaimReporter;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ServerOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim through a thing registry (XEP-0347 §3.9) reaches the provisioning server that trusts the registry
 * ({@link ClaimReporter}): the owner who claimed there is the owner at the provisioning server, a stranger is not.
 */
@ProsodyTest(logLevel = "info")
class RegistryClaimIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    @Test
    void aClaimThroughTheRegistryMakesTheOwnerTheOwnerAtTheProvisioningServer(ProsodyServer prosody) throws Exception {
        World w = World.create(
                prosody,
                dir,
                "rc",
                ServerOptions.builder()
                        .trustedRegistry(prosody.jid("rc-registry").toString())
                        .build());
        XMPPTCPConnection registryConn = prosody.connect("rc-registry");
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("registry"));
                ThingRegistry registry = ThingRegistry.start(
                        registryConn,
                        storage,
                        ThingRegistrySettings.builder()
                                .options(RegistryOptions.defaults().withThingTimeout(Duration.ofSeconds(10)))
                                .build())) {
            registry.update(b -> b.claimReporter(
                    ClaimReporter.provisioningServer(registryConn, w.serverBareJid(), Duration.ofSeconds(10))));
            XMPPTCPConnection device = prosody.connect("rc-device");
            String deviceJid = device.getUser().asBareJid().toString();
            List<MetaTag> tags = List.of(str("SN", "rc-1"), str("MAN", "example.org"), str("KEY", "rc-key-93847"));
            ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(device);
            thing.update(b -> b.registry(registryConn.getUser()));
            assertThat(await(thing.register(tags, null, false))).isEqualTo(new RegistrationResult.Registered());

            Map<String, Object> list = Map.of(OwnerCommands.FIELD_THING, deviceJid);
            assertForbidden(() -> w.command(w.owner, OwnerCommands.LIST_RULES, list));

            OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(w.owner);
            owner.update(b -> b.registry(registryConn.getUser()));
            ClaimedThing claimed = await(owner.claim(tags, true));
            assertThat(claimed.jid().asBareJid().toString()).isEqualTo(deviceJid);

            // the registry answered the claim only after the provisioning server accepted its report
            assertThat(w.store.owner(deviceJid)).contains(w.jid("owner").toString());
            assertThat(w.command(w.owner, OwnerCommands.LIST_RULES, list)).contains("owner: " + w.jid("owner"));
            assertForbidden(() -> w.command(w.stranger, OwnerCommands.LIST_RULES, list));
            assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, list));
            assertThat(w.store.owner(deviceJid))
                    .as("the stranger's claim changed nothing")
                    .contains(w.jid("owner").toString());
        }
    }

    private static void assertForbidden(ThrowingRunnable r) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
