package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.discovery.ProvisioningLocator.Found;
import io.github.xmppiot.discovery.ProvisioningLocator.Method;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;

/** Methods 5-7 of XEP-0347 §3.11 on a real Prosody: disco#info of the registry and the owner, component search. */
@ProsodyTest
class ProvisioningLocatorIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Optional<Found> find(ProvisioningLocator.Builder b) throws Exception {
        return b.build().find().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void theRegistryIsAskedFirstThenTheOwnerThenTheServersComponents(ProsodyServer server) throws Exception {
        XMPPTCPConnection thing = server.connect("thing-p1");
        XMPPTCPConnection registry = server.connect("registry-p1");
        XMPPTCPConnection owner = server.connect("owner-p1");
        Friendship.establish(registry, thing, WAIT);
        Friendship.establish(owner, thing, WAIT);
        ProvisioningLocator.Builder all = ProvisioningLocator.builder(thing)
                .registry(registry.getUser().asBareJid())
                .owner(owner.getUser().asBareJid());

        assertThat(find(all))
                .as("nobody provisions; Prosody's components do not either")
                .isEmpty();

        ServiceDiscoveryManager.getInstanceFor(owner).addFeature(ProvisioningLocator.PROVISIONING_NAMESPACE);
        assertThat(find(all)).contains(new Found(owner.getUser().asBareJid(), Method.OWNER));

        ServiceDiscoveryManager.getInstanceFor(registry).addFeature(ProvisioningLocator.PROVISIONING_NAMESPACE);
        assertThat(find(all)).contains(new Found(registry.getUser().asBareJid(), Method.REGISTRY));
        assertThat(find(ProvisioningLocator.builder(thing).registry(registry.getUser())))
                .as("a full JID needs no roster")
                .contains(new Found(registry.getUser().asBareJid(), Method.REGISTRY));
    }
}
