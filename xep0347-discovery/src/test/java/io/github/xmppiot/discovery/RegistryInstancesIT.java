package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import io.github.xmppiot.testkit.XmppTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * Two thing registry instances (two resources of one registry account, each with its own connection pool) on one
 * PostgreSQL database, through Prosody: Things configured with the registry's bare JID register with whichever
 * instance they reach; two owners, each talking to another instance by its full JID, claim the same Thing at the same
 * time and exactly one wins while the other is answered {@code item-not-found} (XEP-0347 §3.9); both instances then
 * give the same search answer (§3.15). {@link EjabberdRegistryInstancesIT} runs the same through ejabberd.
 */
@ProsodyTest
@PostgresTest
class RegistryInstancesIT {

    private static final int WAIT = 30;
    private static final int THINGS = 6;

    /** A running registry instance and its connection. */
    record Instance(XMPPTCPConnection connection, ThingRegistry registry) {
        void stop() {
            registry.close();
            connection.disconnect();
        }
    }

    private static Instance start(XmppTestServer server, JdbcRegistryStorage storage, String resource)
            throws Exception {
        XMPPTCPConnection c = new IotTcpConnection(
                server.configBuilder("sharedregistry").setResource(resource).build());
        Readiness.holdPresence(c);
        c.connect().login();
        ThingRegistry registry = ThingRegistry.start(c, storage);
        Readiness.announce(c);
        return new Instance(c, registry);
    }

    private static List<MetaTag> tags(int i) {
        return List.of(str("MODEL", "SharedLamp"), str("SN", "shared-" + i), str("KEY", "k-shared-" + i + "-93847"));
    }

    @Test
    void twoInstancesOnOneDatabaseAnswerAlikeAndOfTwoConcurrentClaimsOneWins(ProsodyServer server, PostgresServer pg)
            throws Exception {
        check(server, pg);
    }

    /**
     * The scenario of this class on any XMPP server.
     *
     * @param server the XMPP server
     * @param pg     the database server
     * @throws Exception on failure
     */
    static void check(XmppTestServer server, PostgresServer pg) throws Exception {
        String db = pg.createDatabase("registry_instances");
        server.ensureAccount("sharedregistry");
        try (JdbcRegistryStorage storageA = RegistryDatabases.postgres(pg, db);
                JdbcRegistryStorage storageB = RegistryDatabases.postgres(pg, db)) {
            Instance a = start(server, storageA, "a");
            Instance b = start(server, storageB, "b");
            List<XMPPTCPConnection> things = new ArrayList<>();
            try {
                for (int i = 0; i < THINGS; i++) {
                    XMPPTCPConnection t = server.connect("sharedthing" + i);
                    things.add(t);
                    ThingDiscoveryManager m = ThingDiscoveryManager.getInstanceFor(t);
                    m.update(s -> s.registry(server.jid("sharedregistry")));
                    assertThat(m.register(tags(i), null, false).get(WAIT, TimeUnit.SECONDS))
                            .isInstanceOf(RegistrationResult.Registered.class);
                }
                OwnerDiscoveryManager viaA = owner(server, "sharedownera", a);
                OwnerDiscoveryManager viaB = owner(server, "sharedownerb", b);
                int wonByA = 0;
                for (int i = 0; i < THINGS; i++) {
                    CompletableFuture<ClaimedThing> ca = viaA.claim(tags(i), true);
                    CompletableFuture<ClaimedThing> cb = viaB.claim(tags(i), true);
                    boolean aWon = outcome(ca);
                    boolean bWon = outcome(cb);
                    assertThat(aWon ^ bWon)
                            .as("exactly one of the two claims of Thing %d wins", i)
                            .isTrue();
                    wonByA += aWon ? 1 : 0;
                }
                List<String> foundA = found(viaA);
                List<String> foundB = found(viaB);
                assertThat(foundA).hasSize(THINGS).isEqualTo(foundB);
                assertThat(foundA.stream()
                                .filter(f -> f.startsWith("sharedownera@"))
                                .count())
                        .isEqualTo(wonByA);
            } finally {
                things.forEach(XMPPTCPConnection::disconnect);
                a.stop();
                b.stop();
            }
        }
    }

    private static OwnerDiscoveryManager owner(XmppTestServer server, String user, Instance instance) throws Exception {
        OwnerDiscoveryManager m = OwnerDiscoveryManager.getInstanceFor(server.connect(user));
        m.update(b -> b.registry(instance.connection().getUser()));
        return m;
    }

    /** @return true if the claim succeeded, false if it was refused with item-not-found */
    private static boolean outcome(CompletableFuture<ClaimedThing> claim) throws Exception {
        try {
            claim.get(WAIT, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ThingNotFoundException.class);
            return false;
        }
    }

    /** @return "owner thing" of every SharedLamp, in the registry's order */
    private static List<String> found(OwnerDiscoveryManager via) throws Exception {
        SearchResult r = via.search(List.of(new StringComparison(Comparison.EQ, "MODEL", "SharedLamp")), 0, 20)
                .get(WAIT, TimeUnit.SECONDS);
        assertThat(r.more()).isFalse();
        List<String> out = new ArrayList<>();
        for (FoundThing t : r.things()) {
            Jid owner = t.owner();
            out.add(owner.asBareJid() + " " + t.jid());
        }
        return out;
    }
}
