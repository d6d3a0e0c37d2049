package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ProvisioningServerSettings;
import io.github.xmppiot.provisioning.server.ServerListener;
import io.github.xmppiot.provisioning.server.ServerOptions;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.Jid;

/**
 * Two provisioning servers (two accounts on one Prosody) on one PostgreSQL database: concurrent claims of one Thing
 * through both have exactly one winner, the others are forbidden (XEP-0324 §3.6); a rule changed through one server
 * is enforced by the other, which the Thing trusts, and the Thing gets exactly one {@code clearCache} per change
 * (§3.5.1), from the server it trusts.
 */
@ProsodyTest
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralServersIT {

    private static final String KEY = "SEVERAL-SERVERS-KEY";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger cleared = new AtomicInteger();
    private final List<CompletableFuture<Jid>> clears = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ProsodyServer prosody;
    private JdbcProvisioningStore storeA;
    private ProvisioningServer serverA;
    private ProvisioningServer serverB;
    private XMPPTCPConnection a;
    private XMPPTCPConnection b;
    private XMPPTCPConnection thing;
    private ProvisioningClient thingClient;

    @BeforeAll
    void start(ProsodyServer prosody, PostgresServer pg) throws Exception {
        this.prosody = prosody;
        String url = "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + pg.createDatabase("several");
        ProvisioningServerSettings options = ProvisioningServerSettings.builder()
                .options(ServerOptions.builder()
                        .clearCachePoll(Duration.ofMillis(200))
                        .build())
                .build();
        storeA = JdbcProvisioningStore.postgresql(url, PostgresServer.USER, pg.password());
        JdbcProvisioningStore storeB = JdbcProvisioningStore.postgresql(url, PostgresServer.USER, pg.password());
        open.add(storeA);
        open.add(storeB);
        a = prosody.connect("ms-prova");
        b = prosody.connect("ms-provb");
        serverA = ProvisioningServer.start(a, storeA, options);
        serverB = ProvisioningServer.start(b, storeB, options);
        open.add(serverA);
        open.add(serverB);

        thing = new IotTcpConnection(prosody.configBuilder("ms-thing").build());
        thingClient = ProvisioningClient.getInstanceFor(thing);
        thingClient.update(
                b -> b.cache(DecisionCacheSettings.builder().maxEntries(100).build()));
        thing.connect().login();
        await(thingClient.trust(prosody.jid("ms-prova")));
        thingClient.addListener(new ProvisioningListener() {
            @Override
            public void cacheCleared(Jid cause) {
                cleared.incrementAndGet();
                clears.forEach(f -> f.complete(cause));
            }
        });
        await(thingClient.depositClaimKey(prosody.jid("ms-prova"), KEY));
        // the trusted server sees the Thing online once their presence subscription is through
        ConnectionEventRecorder.eventually(
                "the Thing online at the server it trusts",
                Duration.ofSeconds(World.TIMEOUT_SECONDS),
                () -> serverA.online().containsKey(prosody.jid("ms-thing")));
    }

    @AfterAll
    void stop() throws Exception {
        thing.disconnect();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void claimsRaceToOneOwnerAndRulesChangedThroughOneServerAreEnforcedByTheOther() throws Exception {
        String thingJid = prosody.jid("ms-thing").toString();
        CompletableFuture<Jid> claimCleared = nextClear();
        CompletableFuture<String> claimAcknowledged = acknowledgedAtA(thingJid);

        // four owners-to-be claim the Thing at once, two through each server: one wins, the others are forbidden
        List<XMPPTCPConnection> claimants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimants.add(prosody.connect("ms-claimant" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(claimants.size());
        List<Future<String>> outcomes = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < claimants.size(); i++) {
                XMPPTCPConnection who = claimants.get(i);
                XMPPConnection via = i % 2 == 0 ? a : b;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        command(
                                who,
                                via,
                                OwnerCommands.CLAIM,
                                Map.of(
                                        OwnerCommands.FIELD_THING,
                                        thingJid,
                                        OwnerCommands.FIELD_KEY,
                                        "IoTDisco;MAN:example.org;KEY:" + KEY));
                        return "owner";
                    } catch (XMPPException.XMPPErrorException e) {
                        return e.getStanzaError().getCondition().toString();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(World.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            assertThat(results)
                    .containsOnlyOnce("owner")
                    .filteredOn(r -> !r.equals("owner"))
                    .hasSize(3)
                    .containsOnly(StanzaError.Condition.forbidden.toString());
            XMPPTCPConnection owner = claimants.get(results.indexOf("owner"));
            assertThat(storeA.owner(thingJid))
                    .contains(owner.getUser().asBareJid().toString());

            // the claim's clearCache reaches the Thing once, from the server it trusts, whichever server took it
            assertThat(await(claimCleared).toString()).isEqualTo(a.getUser().toString());
            await(claimAcknowledged);
            assertThat(storeA.clearPendingGeneration(thingJid))
                    .as("no mark left to push again")
                    .isEmpty();
            assertThat(serverB.online())
                    .as("only the trusted server can push")
                    .doesNotContainKey(thing.getUser().asBareJid());
            assertThat(cleared).hasValue(1);

            // a read rule set through B is what A decides by
            XMPPTCPConnection client = prosody.connect("ms-client");
            readRule(owner, b, thingJid, client, "Temperature");
            AccessRequest read = AccessRequest.read(
                    client.getUser(),
                    Tokens.NONE,
                    List.of(),
                    Set.of("Temperature", "Humidity"),
                    Set.of(FieldCategory.MOMENTARY));
            assertThat(await(thingClient.accessPolicy().decide(read)))
                    .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Temperature")));

            // changed through B: A pushes one clearCache, and the Thing's next request gets the new rule from A
            readRule(owner, b, thingJid, client, "Humidity");
            assertThat(await(thingClient.accessPolicy().decide(read)))
                    .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Humidity")));
            assertThat(cleared).as("one clearCache per change").hasValue(3);
        } finally {
            pool.shutdownNow();
            claimants.forEach(XMPPTCPConnection::disconnect);
        }
    }

    /** Sets a read rule through a server; waits until the Thing cleared its cache for it and A saw the answer. */
    private void readRule(
            XMPPTCPConnection owner, XMPPConnection via, String thingJid, XMPPTCPConnection client, String field)
            throws Exception {
        int before = cleared.get();
        CompletableFuture<Jid> clear = nextClear();
        CompletableFuture<String> acknowledged = acknowledgedAtA(thingJid);
        command(
                owner,
                via,
                OwnerCommands.READ_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        thingJid,
                        OwnerCommands.FIELD_PRINCIPAL,
                        client.getUser().asBareJid().toString(),
                        OwnerCommands.FIELD_NAMES,
                        List.of(field)));
        assertThat(await(clear).toString()).isEqualTo(a.getUser().toString());
        await(acknowledged);
        assertThat(storeA.clearPendingGeneration(thingJid)).isEmpty();
        assertThat(cleared).hasValue(before + 1);
    }

    private CompletableFuture<Jid> nextClear() {
        CompletableFuture<Jid> f = new CompletableFuture<>();
        clears.add(f);
        return f.whenComplete((j, e) -> clears.remove(f));
    }

    private CompletableFuture<String> acknowledgedAtA(String thingJid) {
        CompletableFuture<String> acknowledged = new CompletableFuture<>();
        serverA.addListener(new ServerListener() {
            @Override
            public void clearCacheAcknowledged(String t) {
                if (t.equals(thingJid)) {
                    acknowledged.complete(t);
                }
            }
        });
        return acknowledged;
    }

    /** Runs an owner command on a provisioning server; fails with the server's error. */
    private static void command(XMPPConnection who, XMPPConnection server, String node, Map<String, Object> answers)
            throws Exception {
        RemoteCommand cmd = AdHocCommandManager.getAddHocCommandsManager(who).getRemoteCommand(server.getUser(), node);
        cmd.execute();
        FillableForm form = new FillableForm(cmd.getForm());
        for (Map.Entry<String, Object> e : answers.entrySet()) {
            if (e.getValue() instanceof List<?> l) {
                form.setAnswer(e.getKey(), l.stream().map(String::valueOf).toList());
            } else {
                form.setAnswer(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        cmd.complete(form);
        assertThat(cmd.getStatus()).isEqualTo(AdHocCommand.Status.completed);
    }
}
