package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.provisioning.server.H2ProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ServerListener;
import io.github.xmppiot.testkit.ProsodyServer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * A provisioning scenario on a real Prosody: a provisioning server with an H2 store, a Thing that trusts it (with a
 * persistent decision cache) and has been claimed by its owner, a client and a stranger. Account names carry a prefix
 * so that tests sharing one Prosody do not see each other.
 */
final class World {

    static final long TIMEOUT_SECONDS = 20;
    private static final List<World> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    final ProsodyServer prosody;
    final Path dir;
    final String prefix;
    final XMPPTCPConnection provisioning;
    XMPPTCPConnection thing;
    final XMPPTCPConnection owner;
    final XMPPTCPConnection client;
    final XMPPTCPConnection stranger;
    H2ProvisioningStore store;
    ProvisioningServer server;
    ProvisioningClient thingClient;
    DecisionCache cache;

    private World(ProsodyServer prosody, Path dir, String prefix) throws Exception {
        this.prosody = prosody;
        this.dir = dir;
        this.prefix = prefix;
        provisioning = prosody.connect(prefix + "-prov");
        store = new H2ProvisioningStore(dir.resolve(prefix + "-rules"));
        server = ProvisioningServer.start(provisioning, store);
        connectThing(null);
        owner = prosody.connect(prefix + "-owner");
        client = prosody.connect(prefix + "-client");
        stranger = prosody.connect(prefix + "-stranger");
        await(thingClient.trust(serverBareJid()));
        command(owner, OwnerCommands.CLAIM, Map.of(OwnerCommands.FIELD_THING, jid("thing").toString()));
    }

    /**
     * Connects the Thing the way a device should: provisioning set up (persistent cache, handlers, listener) before
     * login, so that a {@code clearCache} pushed right after login is not missed.
     */
    void connectThing(ProvisioningListener listener) throws Exception {
        thing = new XMPPTCPConnection(prosody.configBuilder(prefix + "-thing").build());
        thingClient = ProvisioningClient.getInstanceFor(thing);
        cache = DecisionCache.persistent(dir.resolve(prefix + "-cache"), 100, null);
        thingClient.setCache(cache);
        if (listener != null) {
            thingClient.addListener(listener);
        }
        thing.connect().login();
    }

    /** Disconnects the Thing and closes its cache (a clean device shutdown). */
    void stopThing() {
        thing.disconnect();
        cache.close();
    }

    /** Simulates kill -9 of the provisioning server: no clean shutdown of the database, then a restart on it. */
    void crashAndRestartServer() throws Exception {
        server.close();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve(prefix + "-rules").toAbsolutePath(), "sa", "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        }
        store = new H2ProvisioningStore(dir.resolve(prefix + "-rules"));
        server = ProvisioningServer.start(provisioning, store);
    }

    private void close() {
        thing.disconnect();
        cache.close();
        server.close();
        try {
            store.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static World create(ProsodyServer prosody, Path dir, String prefix) throws Exception {
        World w = new World(prosody, dir, prefix);
        OPEN.add(w);
        return w;
    }

    /** Closes every world created so far (call from {@code @AfterEach}). */
    static void closeAll() {
        for (World w : OPEN) {
            w.close();
        }
        OPEN.clear();
    }

    EntityBareJid jid(String role) {
        return prosody.jid(prefix + "-" + role);
    }

    EntityBareJid serverBareJid() {
        return jid("prov");
    }

    Jid serverFullJid() {
        return provisioning.getUser();
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs an owner command on the provisioning server and checks that it completed. */
    void command(XMPPConnection who, String node, Map<String, Object> answers) throws Exception {
        RemoteCommand cmd = AdHocCommandManager.getAddHocCommandsManager(who).getRemoteCommand(serverFullJid(), node);
        cmd.execute();
        FillableForm form = new FillableForm(cmd.getForm());
        for (Map.Entry<String, Object> a : answers.entrySet()) {
            if (a.getValue() instanceof Boolean b) {
                form.setAnswer(a.getKey(), b);
            } else if (a.getValue() instanceof Collection<?> c) {
                if (c.isEmpty()) {
                    continue; // an empty text-multi is simply not answered
                }
                form.setAnswer(a.getKey(), c.stream().map(String::valueOf).toList());
            } else {
                form.setAnswer(a.getKey(), String.valueOf(a.getValue()));
            }
        }
        cmd.complete(form);
        assertThat(cmd.getStatus()).isEqualTo(AdHocCommand.Status.completed);
    }

    /**
     * A read rule for a principal: nodes and field names (empty: all). If the Thing is online, waits until it has
     * acknowledged the resulting {@code clearCache}, so that later decisions are not wiped by a late one.
     */
    void readRule(String principal, List<String> nodes, List<String> names) throws Exception {
        rule(OwnerCommands.READ_RULE, principal, nodes, names);
    }

    /** A control rule for a principal: nodes and parameter names (empty: all); waits as {@link #readRule} does. */
    void controlRule(String principal, List<String> nodes, List<String> names) throws Exception {
        rule(OwnerCommands.CONTROL_RULE, principal, nodes, names);
    }

    private void rule(String node, String principal, List<String> nodes, List<String> names) throws Exception {
        java.util.concurrent.CompletableFuture<String> acknowledged = new java.util.concurrent.CompletableFuture<>();
        server.addListener(new ServerListener() {
            @Override
            public void clearCacheAcknowledged(String t) {
                if (t.equals(jid("thing").toString())) {
                    acknowledged.complete(t);
                }
            }
        });
        command(owner, node, Map.of(OwnerCommands.FIELD_THING, jid("thing").toString(),
                OwnerCommands.FIELD_PRINCIPAL, principal, OwnerCommands.FIELD_NODES, nodes, OwnerCommands.FIELD_NAMES, names));
        if (thing.isAuthenticated()) {
            await(acknowledged);
        }
    }
}
