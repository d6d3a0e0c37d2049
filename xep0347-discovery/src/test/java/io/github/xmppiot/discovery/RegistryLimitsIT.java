package io.github.xmppiot.discovery;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryOptions;
import io.github.xmppiot.discovery.registry.RegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryTransaction;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.discovery.registry.ThingRegistrySettings;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;

/**
 * Issue 15 items 5 and 7 (registry) through a real Prosody: search operators are capped, searches run apart from
 * registrations and claims and are capped per bare JID, and one account cannot create unlimited records.
 */
@ProsodyTest
class RegistryLimitsIT {

    private static final long WAIT = 20;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Jid registry(ProsodyServer server, RegistryStorage storage, RegistryOptions options) throws Exception {
        XMPPTCPConnection c = server.connect("registry");
        open.add(storage);
        open.add(ThingRegistry.start(
                c, storage, ThingRegistrySettings.builder().options(options).build()));
        return c.getUser();
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

    private static List<SearchOperator> operators(int n) {
        List<SearchOperator> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(new StringComparison(Comparison.NEQ, "T" + i, "v"));
        }
        return ops;
    }

    private static List<MetaTag> tags(String sn) {
        return List.of(str("SN", sn), str("MODEL", "IMC"), str("KEY", "k-" + sn + "-4857402340298342"));
    }

    /** Null if the future succeeds, else the error condition it failed with. */
    private static Condition outcome(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable t = RegistryClientAccess.typed(e.getCause());
            if (t instanceof IotErrorException x) {
                return x.condition();
            }
            throw e;
        }
    }

    @Test
    void searchOperatorsAreCapped(ProsodyServer server) throws Exception {
        Jid registry = registry(server, JdbcRegistryStorage.h2(dir.resolve("ops")), RegistryOptions.defaults());
        OwnerDiscoveryManager stranger = owner(server.connect("stranger"), registry);
        assertThat(outcome(stranger.search(operators(20), 0, null))).isNull();
        assertThat(outcome(stranger.search(operators(21), 0, null))).isEqualTo(Condition.bad_request);
        assertThat(outcome(stranger.search(operators(8_000), 0, null))).isEqualTo(Condition.bad_request);
    }

    @Test
    void recordsPerBareJidAreCapped(ProsodyServer server) throws Exception {
        Jid registry = registry(
                server,
                JdbcRegistryStorage.h2(dir.resolve("records")),
                RegistryOptions.defaults().withMaxRecordsPerJid(3));
        ThingDiscoveryManager stranger = thing(server.connect("stranger"), registry);
        for (int i = 1; i <= 3; i++) {
            assertThat(outcome(stranger.register(tags("n" + i), NodeRef.of("n" + i), false)))
                    .isNull();
        }
        assertThat(outcome(stranger.register(tags("n4"), NodeRef.of("n4"), false)))
                .isEqualTo(Condition.resource_constraint);
        assertThat(outcome(stranger.register(tags("n1-again"), NodeRef.of("n1"), false)))
                .as("re-registering an existing record")
                .isNull();
        assertThat(outcome(stranger.unregister(NodeRef.of("n2")))).isNull();
        assertThat(outcome(stranger.register(tags("n4"), NodeRef.of("n4"), false)))
                .as("after unregistering")
                .isNull();
        ThingDiscoveryManager other = thing(server.connect("other"), registry);
        assertThat(outcome(other.register(tags("o1"), NodeRef.of("n1"), false))).isNull();
    }

    /**
     * Searches held inside the database (by a gate on the real storage's search) leave the registry free to register
     * and claim; a third search of the same account is refused at once.
     */
    @Test
    void registrationAndClaimsAreAnsweredWhileSearchesRun(ProsodyServer server) throws Exception {
        CountDownLatch searching = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        RegistryStorage gated = gated(JdbcRegistryStorage.h2(dir.resolve("gated")), searching, release);
        Jid registry = registry(server, gated, RegistryOptions.defaults());
        OwnerDiscoveryManager stranger = owner(server.connect("stranger"), registry);
        List<SearchOperator> query = List.of(new StringComparison(Comparison.EQ, "MODEL", "IMC"));
        CompletableFuture<SearchResult> first = stranger.search(query, 0, null);
        CompletableFuture<SearchResult> second = stranger.search(query, 0, null);
        try {
            assertThat(searching.await(WAIT, TimeUnit.SECONDS))
                    .as("both searches are in the database")
                    .isTrue();
            assertThat(outcome(stranger.search(query, 0, null)))
                    .as("a third search of the same account")
                    .isEqualTo(Condition.resource_constraint);
            ThingDiscoveryManager device = thing(server.connect("device"), registry);
            assertThat(outcome(device.register(tags("d1"), null, false))).isNull();
            OwnerDiscoveryManager owner = owner(server.connect("owner"), registry);
            assertThat(outcome(owner.claim(tags("d1"), true))).isNull();
            assertThat(first).isNotDone();
        } finally {
            release.countDown();
        }
        assertThat(first.get(WAIT, TimeUnit.SECONDS).things()).hasSize(1);
        assertThat(second.get(WAIT, TimeUnit.SECONDS).things()).hasSize(1);
    }

    /** The real storage, whose searches wait at a gate after counting down {@code searching}. */
    private static RegistryStorage gated(JdbcRegistryStorage real, CountDownLatch searching, CountDownLatch release) {
        return new RegistryStorage() {
            @Override
            public <T> T inTransaction(TransactionWork<T> work) {
                return real.inTransaction(tx -> work.run((RegistryTransaction) Proxy.newProxyInstance(
                        RegistryTransaction.class.getClassLoader(),
                        new Class<?>[] {RegistryTransaction.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("search")) {
                                searching.countDown();
                                if (!release.await(WAIT, TimeUnit.SECONDS)) {
                                    throw new IllegalStateException("the test never released the search");
                                }
                            }
                            try {
                                return method.invoke(tx, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        })));
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
