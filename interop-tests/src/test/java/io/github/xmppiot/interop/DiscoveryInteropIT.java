package io.github.xmppiot.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XEP-0347: Smack's smack-experimental discovery (separate JVM) against our Thing Registry, through Prosody. Smack
 * sends register and mine as IQ {@code get} where the XEP says {@code set}; our registry accepts both.
 */
@ProsodyTest(tls = false)
class DiscoveryInteropIT {

    @TempDir
    Path dir;

    @Test
    void aSmackThingRegistersAndASmackOwnerClaimsItInOurRegistry(ProsodyServer server) throws Exception {
        XMPPTCPConnection registryConnection = server.connect("registry");
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("registry"));
                ThingRegistry registry = ThingRegistry.start(registryConnection, storage)) {
            String registryJid = registryConnection.getUser().toString();
            try (SmackPeerProcess thing =
                    SmackPeerProcess.start(server, "smackthing", "register", registryJid, "key-4711", "SN-4711")) {
                thing.awaitLine("OK registered");
                try (SmackPeerProcess owner =
                        SmackPeerProcess.start(server, "smackowner", "claim", registryJid, "key-4711", "SN-4711")) {
                    assertThat(owner.awaitLine("OK claimed")).startsWith("OK claimed smackthing@" + server.domain());
                }
                // The claimed Thing is public and can now be found by anyone, without its KEY.
                OwnerDiscoveryManager searcher = OwnerDiscoveryManager.getInstanceFor(server.connect("searcher"));
                searcher.update(b -> b.registry(registryConnection.getUser()));
                SearchResult found = searcher.search(
                                List.of(new StringComparison(Comparison.EQ, "SN", "SN-4711")), 0, 10)
                        .get(10, TimeUnit.SECONDS);
                assertThat(found.things()).hasSize(1);
                assertThat(found.things().get(0).tags())
                        .extracting(MetaTag::name)
                        .contains("SN", "MAN")
                        .doesNotContain("KEY");
            }
        }
    }
}
