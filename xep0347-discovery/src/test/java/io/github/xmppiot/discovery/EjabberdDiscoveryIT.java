package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.testkit.EjabberdServer;
import io.github.xmppiot.testkit.EjabberdTest;
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
 * The registry's main flow on the second server, ejabberd (see {@link DiscoveryIT} for every case on Prosody):
 * register, claim, search, remove, with the Thing told about its claim and removal.
 */
@EjabberdTest
class EjabberdDiscoveryIT {

    private static final long WAIT = 20;

    @TempDir
    Path dir;

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    private static List<MetaTag> tags(String sn) {
        return List.of(
                str("SN", sn),
                str("MAN", "www.ktc.se"),
                str("MODEL", "IMC"),
                num("V", "1.2"),
                str("KEY", "k-" + sn + "-4857402340298342"));
    }

    @Test
    void registerClaimSearchRemoveThroughEjabberd(EjabberdServer server) throws Exception {
        try (JdbcRegistryStorage storage = JdbcRegistryStorage.h2(dir.resolve("registry"));
                ThingRegistry registry = ThingRegistry.start(
                        server.connect("ejregistry"),
                        storage,
                        ThingRegistrySettings.builder()
                                .options(RegistryOptions.defaults().withThingTimeout(Duration.ofSeconds(5)))
                                .build())) {
            Jid reg = server.jid("ejregistry");
            XMPPTCPConnection thingConn = server.connect("ejthing");
            ThingDiscoveryManager thing = ThingDiscoveryManager.getInstanceFor(thingConn);
            thing.update(b -> b.registry(reg));
            OwnerDiscoveryManager owner = OwnerDiscoveryManager.getInstanceFor(server.connect("ejowner"));
            owner.update(b -> b.registry(reg));
            OwnerDiscoveryManager searcher = OwnerDiscoveryManager.getInstanceFor(server.connect("ejsearcher"));
            searcher.update(b -> b.registry(reg));
            DiscoveryIT.Events events = new DiscoveryIT.Events();
            thing.addListener(events);
            List<SearchOperator> bySn = List.of(new StringComparison(Comparison.EQ, "SN", "ej-1"));

            assertThat(get(thing.register(tags("ej-1"), null, false))).isEqualTo(new RegistrationResult.Registered());
            assertThat(get(searcher.search(bySn, 0, null)).things())
                    .as("unclaimed never found")
                    .isEmpty();
            ClaimedThing claimed = get(owner.claim(ClaimUri.encode(tags("ej-1")), true));
            assertThat(claimed.jid().toString()).isEqualTo(server.jid("ejthing").toString());
            assertThat(get(events.claimed).toString())
                    .isEqualTo(server.jid("ejowner").toString());

            FoundThing found = get(searcher.search(bySn, 0, 10)).things().get(0);
            assertThat(found.owner().toString()).isEqualTo(server.jid("ejowner").toString());
            assertThat(found.tag("KEY")).as("the key is never shown").isEmpty();

            get(owner.remove(claimed.jid(), (NodeRef) null));
            assertThat(get(events.removed)).isTrue();
            assertThat(get(searcher.search(bySn, 0, null)).things()).isEmpty();
            try {
                get(owner.claim(tags("ej-1"), true));
                throw new AssertionError("a removed Thing cannot be claimed");
            } catch (ExecutionException e) {
                assertThat(RegistryClientAccess.typed(e.getCause())).isInstanceOf(ThingNotFoundException.class);
            }
        }
    }
}
