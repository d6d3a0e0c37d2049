package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.num;
import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/** XEP-0347 end to end on a real Prosody: a registry on an account, Things, owners and searchers. */
@ProsodyTest
class DiscoveryIT {

    private static final long WAIT = 20;
    private static final List<SearchOperator> BY_MODEL = List.of(new StringComparison(Comparison.EQ, "MODEL", "IMC"));

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ThingRegistry registry(ProsodyServer server, String user, JdbcRegistryStorage storage) throws Exception {
        XMPPTCPConnection c = server.connect(user);
        ThingRegistry r = ThingRegistry.start(
                c,
                storage,
                ThingRegistrySettings.builder()
                        .options(RegistryOptions.defaults().withMaxPageSize(50).withThingTimeout(Duration.ofSeconds(5)))
                        .build());
        open.add(r);
        return r;
    }

    private JdbcRegistryStorage storage(String name) {
        JdbcRegistryStorage s = JdbcRegistryStorage.h2(dir.resolve(name));
        open.add(s);
        return s;
    }

    private static ThingDiscoveryManager thing(XMPPTCPConnection c, Jid registry) {
        ThingDiscoveryManager m = ThingDiscoveryManager.getInstanceFor(c);
        m.update(b -> b.registry(registry));
        return m;
    }

    private static OwnerDiscoveryManager owner(XMPPTCPConnection c, Jid registry) {
        OwnerDiscoveryManager m = OwnerDiscoveryManager.getInstanceFor(c);
        m.update(b -> b.registry(registry));
        return m;
    }

    private static List<MetaTag> tags(String sn) {
        return List.of(
                str("SN", sn),
                str("MAN", "www.ktc.se"),
                str("MODEL", "IMC"),
                num("V", "1.2"),
                str("KEY", "k-" + sn + "-4857402340298342"));
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return RegistryClientAccess.typed(e.getCause());
        }
        throw new AssertionError("expected a failure");
    }

    /** Collects the Thing's events as futures. */
    static final class Events implements ThingDiscoveryListener {
        final CompletableFuture<Jid> claimed = new CompletableFuture<>();
        final CompletableFuture<NodeRef> claimedNode = new CompletableFuture<>();
        final CompletableFuture<Boolean> removed = new CompletableFuture<>();
        final CompletableFuture<Boolean> disowned = new CompletableFuture<>();

        @Override
        public void claimed(Jid owner, NodeRef node, boolean isPublic) {
            claimedNode.complete(node);
            claimed.complete(owner);
        }

        @Override
        public void removed(NodeRef node) {
            removed.complete(true);
        }

        @Override
        public void disowned(NodeRef node) {
            disowned.complete(true);
        }
    }

    @Test
    void fullLifeCycle(ProsodyServer server) throws Exception {
        registry(server, "registry1", storage("r1"));
        Jid reg = server.jid("registry1");
        XMPPTCPConnection thingConn = server.connect("thing1");
        ThingDiscoveryManager thing = thing(thingConn, reg);
        OwnerDiscoveryManager owner = owner(server.connect("owner1"), reg);
        OwnerDiscoveryManager other = owner(server.connect("other1"), reg);
        OwnerDiscoveryManager searcher = owner(server.connect("curious1"), reg);
        Events events = new Events();
        thing.addListener(events);
        thing.update(b -> b.publicTags(null, List.of(str("CLASS", "PLC"), num("LON", "-71.519722"))));
        List<SearchOperator> bySn = List.of(new StringComparison(Comparison.EQ, "SN", "life-1"));

        assertThat(get(thing.register(tags("life-1"), null, false))).isEqualTo(new RegistrationResult.Registered());
        assertThat(get(searcher.search(bySn, 0, null)).things())
                .as("unclaimed never found")
                .isEmpty();
        ClaimedThing claimed = get(owner.claim(ClaimUri.encode(tags("life-1")), true));
        assertThat(claimed.jid().toString()).isEqualTo(server.jid("thing1").toString());
        assertThat(get(events.claimed).toString())
                .isEqualTo(server.jid("owner1").toString());

        FoundThing found = get(searcher.search(bySn, 0, 10)).things().get(0);
        assertThat(found.owner().toString()).isEqualTo(server.jid("owner1").toString());
        assertThat(found.tag("KEY")).isEmpty();
        assertThat(found.tag("CLASS")).contains(str("CLASS", "PLC"));
        assertThat(failure(other.claim(tags("life-1"), true))).isInstanceOf(ThingNotFoundException.class);
        assertThat(failure(other.remove(claimed.jid(), null))).isInstanceOf(ThingNotFoundException.class);
        assertThat(get(thing.register(tags("life-1"), null, false)))
                .isEqualTo(new RegistrationResult.AlreadyClaimed(server.jid("owner1")));

        get(owner.update(claimed.jid(), null, List.of(str("ROOM", "101"))));
        assertThat(get(searcher.search(List.of(new StringComparison(Comparison.EQ, "ROOM", "101")), 0, null))
                        .things())
                .hasSize(1);
        assertThat(get(thing.update(List.of(str("BLD", "A")), null))).isEqualTo(UpdateOutcome.UPDATED);

        get(owner.remove(claimed.jid(), null));
        assertThat(get(events.removed)).isTrue();
        assertThat(get(searcher.search(bySn, 0, null)).things()).isEmpty();
        assertThat(get(thing.update(List.of(str("BLD", "B")), null))).isEqualTo(UpdateOutcome.NOT_FOUND);

        assertThat(get(thing.register(tags("life-1"), null, false))).isEqualTo(new RegistrationResult.Registered());
        assertThat(get(thing.update(List.of(str("BLD", "B")), null))).isEqualTo(UpdateOutcome.DISOWNED);
        get(other.claim(tags("life-1"), true));
        assertThat(failure(owner.disown(claimed.jid(), null))).isInstanceOf(ThingNotFoundException.class);
        get(other.disown(claimed.jid(), null));
        assertThat(events.disowned).isDone();
        assertThat(get(searcher.search(bySn, 0, null)).things()).isEmpty();
        assertThat(failure(other.claim(tags("life-1"), true)))
                .as("tags were wiped on disown")
                .isInstanceOf(ThingNotFoundException.class);
    }

    @Test
    void privateClaimsAreNeverFound(ProsodyServer server) throws Exception {
        registry(server, "registry2", storage("r2"));
        Jid reg = server.jid("registry2");
        ThingDiscoveryManager thing = thing(server.connect("thing2"), reg);
        OwnerDiscoveryManager owner = owner(server.connect("owner2"), reg);
        get(thing.register(tags("private-1"), null, false));
        assertThat(get(owner.claim(tags("private-1"), false)).isPublic()).isFalse();
        assertThat(get(owner.search(List.of(new StringComparison(Comparison.EQ, "SN", "private-1")), 0, null))
                        .things())
                .isEmpty();
    }

    @Test
    void concentratorNodesAndPaging(ProsodyServer server) throws Exception {
        registry(server, "registry3", storage("r3"));
        Jid reg = server.jid("registry3");
        ThingDiscoveryManager rack = thing(server.connect("rack3", "plcs"), reg);
        OwnerDiscoveryManager owner = owner(server.connect("owner3"), reg);
        Events events = new Events();
        rack.addListener(events);
        for (int i = 0; i < 7; i++) {
            get(rack.register(
                    List.of(str("MODEL", "IMC"), str("SN", "node-" + i)),
                    new NodeRef("imc" + i, "MeteringTopology", null),
                    i > 0));
        }
        ClaimedThing c = get(owner.claim(List.of(str("MODEL", "IMC"), str("SN", "node-0")), true));
        assertThat(c.node()).isEqualTo(new NodeRef("imc0", "MeteringTopology", null));
        assertThat(get(events.claimedNode)).isEqualTo(c.node());
        List<FoundThing> all = new ArrayList<>();
        SearchResult page = get(owner.search(BY_MODEL, 0, 3));
        assertThat(page.things()).hasSize(3);
        assertThat(page.more()).isTrue();
        all.addAll(page.things());
        all.addAll(get(owner.search(BY_MODEL, 3, 3)).things());
        SearchResult last = get(owner.search(BY_MODEL, 6, 3));
        assertThat(last.more()).isFalse();
        all.addAll(last.things());
        assertThat(all)
                .extracting(t -> t.node().nodeId())
                .containsExactlyInAnyOrder("imc0", "imc1", "imc2", "imc3", "imc4", "imc5", "imc6");
        assertThat(all)
                .allSatisfy(t -> assertThat(t.jid().toString())
                        .isEqualTo(server.jid("rack3").toString()));
    }

    @Test
    void aConcentratorRegistersItsThingDirectoryAndEachNodeIsClaimedWithItsTriple(ProsodyServer server)
            throws Exception {
        registry(server, "registry6", storage("r6"));
        Jid reg = server.jid("registry6");
        ThingDiscoveryManager rack = thing(server.connect("rack6", "plcs"), reg);
        OwnerDiscoveryManager owner = owner(server.connect("owner6"), reg);
        NodeRef n1 = new NodeRef("imc1", "MeteringTopology", null);
        NodeRef n2 = new NodeRef("imc2", "MeteringTopology", "PLC");
        ThingDirectory directory = ThingDirectory.of(
                Thing.builder(n1)
                        .meta(str("MODEL", "IMC"))
                        .meta(str("SN", "dir-1"))
                        .meta(str("KEY", "k-dir-1-93a8f7"))
                        .build(),
                Thing.builder(n2)
                        .meta(str("MODEL", "IMC"))
                        .meta(str("SN", "dir-2"))
                        .meta(str("KEY", "k-dir-2-1c4e0b"))
                        .build());
        assertThat(get(rack.register(directory)))
                .containsOnlyKeys(n1, n2)
                .allSatisfy((node, result) -> assertThat(result).isEqualTo(new RegistrationResult.Registered()));
        ClaimedThing c2 = get(owner.claim(directory.get(n2).orElseThrow().metaTags(), true));
        assertThat(c2.node()).isEqualTo(n2);
        assertThat(c2.jid().toString()).isEqualTo(server.jid("rack6").toString());
        assertThat(get(owner.claim(directory.get(n1).orElseThrow().metaTags(), false))
                        .node())
                .isEqualTo(n1);
    }

    @Test
    void disownNeedsTheThingOnlineAndTheFeatureIsAdvertised(ProsodyServer server) throws Exception {
        ThingRegistry r = registry(server, "registry4", storage("r4"));
        Jid reg = server.jid("registry4");
        XMPPTCPConnection thingConn = server.connect("thing4");
        ThingDiscoveryManager thing = thing(thingConn, reg);
        XMPPTCPConnection ownerConn = server.connect("owner4");
        OwnerDiscoveryManager owner = owner(ownerConn, reg);
        get(thing.register(tags("offline-1"), null, false));
        ClaimedThing c = get(owner.claim(tags("offline-1"), true));
        thingConn.disconnect();
        assertThat(failure(owner.disown(c.jid(), null))).isInstanceOf(ThingUnreachableException.class);
        assertThat(ServiceDiscoveryManager.getInstanceFor(ownerConn)
                        .supportsFeature(
                                get(new RegistryLocator(ownerConn, reg, Duration.ofSeconds(10), Runnable::run)
                                        .address()),
                                "urn:xmpp:iot:discovery"))
                .isTrue();
        assertThat(r.rules()).isNotNull();
    }

    @Test
    void registryRestartAfterACrashKeepsAcknowledgedRecords(ProsodyServer server) throws Exception {
        Path db = dir.resolve("r5");
        JdbcRegistryStorage first = JdbcRegistryStorage.h2(db);
        XMPPTCPConnection registryConn = server.connect("registry5");
        ThingRegistry crashing = ThingRegistry.start(registryConn, first);
        Jid reg = server.jid("registry5");
        ThingDiscoveryManager thing = thing(server.connect("thing5"), reg);
        OwnerDiscoveryManager owner = owner(server.connect("owner5"), reg);
        OwnerDiscoveryManager other = owner(server.connect("other5"), reg);
        Events events = new Events();
        thing.addListener(events);
        get(thing.register(tags("crash-1"), null, false));
        get(thing.register(tags("crash-2"), new NodeRef("n2", null, null), false));
        ClaimedThing c = get(owner.claim(tags("crash-1"), true));
        get(events.claimed); // the Thing has cleared its KEY: nothing is in flight

        // simulate kill -9: the database stops without closing, the XMPP stream just drops
        try (Connection jdbc =
                DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + ";WRITE_DELAY=0", "sa", "")) {
            jdbc.createStatement().execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException connectionGoneWithTheDatabase) {
            // H2 may report the closed database while closing this very connection
        }
        registryConn.instantShutdown();
        crashing.close();

        registry(server, "registry5", storage("r5"));
        SearchResult found = get(other.search(List.of(new StringComparison(Comparison.EQ, "SN", "crash-1")), 0, null));
        assertThat(found.things())
                .singleElement()
                .satisfies(t -> assertThat(t.owner().toString())
                        .isEqualTo(server.jid("owner5").toString()));
        assertThat(failure(other.remove(c.jid(), null))).isInstanceOf(ThingNotFoundException.class);
        get(owner.claim(tags("crash-2"), false));
        get(owner.remove(c.jid(), null));
        assertThat(get(other.search(List.of(new StringComparison(Comparison.EQ, "SN", "crash-1")), 0, null))
                        .things())
                .isEmpty();
    }
}
