package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.connection.IotTcpConnection;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ProvisioningServerSettings;
import io.github.xmppiot.provisioning.server.ServerListener;
import io.github.xmppiot.provisioning.server.ServerOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.XmppTestServer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * A provisioning scenario on a real server (Prosody or ejabberd): a provisioning server with an H2 file store, a Thing that trusts it (with a
 * persistent decision cache) and has been claimed by its owner, a client and a stranger. Account names carry a prefix
 * so that tests sharing one Prosody do not see each other.
 */
final class World {

    static final long TIMEOUT_SECONDS = 20;
    private static final List<World> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    final XmppTestServer prosody;
    final Path dir;
    final String prefix;
    final XMPPTCPConnection provisioning;
    XMPPTCPConnection thing;
    final XMPPTCPConnection owner;
    final XMPPTCPConnection client;
    final XMPPTCPConnection stranger;
    JdbcProvisioningStore store;
    ProvisioningServer server;
    ProvisioningClient thingClient;
    DecisionCache cache;

    /** Port of a fault proxy every connection goes through (with the SDK's reconnection), or 0 for direct ones. */
    final int proxyPort;

    private World(XmppTestServer prosody, Path dir, String prefix, ServerOptions options, int proxyPort)
            throws Exception {
        this.prosody = prosody;
        this.dir = dir;
        this.prefix = prefix;
        this.proxyPort = proxyPort;
        provisioning = open(prefix + "-prov");
        store = JdbcProvisioningStore.h2(dir.resolve(prefix + "-rules"));
        server = ProvisioningServer.start(
                provisioning,
                store,
                ProvisioningServerSettings.builder().options(options).build());
        connectThing(null);
        owner = open(prefix + "-owner");
        client = open(prefix + "-client");
        stranger = open(prefix + "-stranger");
        await(thingClient.trust(serverBareJid()));
        // a claim pushes clearCache: wait for the Thing's acknowledgement so it cannot overtake later decisions
        claimWithKey(owner, "KEY-" + prefix);
    }

    /**
     * The Thing deposits a claim key, then {@code who} claims the Thing with the claim string that carries it (as an
     * owner scanning the Thing's QR code would); waits for the Thing's {@code clearCache} acknowledgement.
     */
    void claimWithKey(XMPPConnection who, String key) throws Exception {
        await(thingClient.depositClaimKey(serverBareJid(), key));
        ownerChange(
                who,
                OwnerCommands.CLAIM,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        jid("thing").toString(),
                        OwnerCommands.FIELD_KEY,
                        "IoTDisco;MAN:example.org;KEY:" + key));
    }

    /** A service (or Thing) on its own account deposits a claim key and the owner claims it with that key. */
    void claimService(XMPPConnection service, String key) throws Exception {
        command(service, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, key));
        command(
                owner,
                OwnerCommands.CLAIM,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        service.getUser().asBareJid().toString(),
                        OwnerCommands.FIELD_KEY,
                        key));
    }

    /**
     * Connects the Thing the way a device should: provisioning set up (persistent cache, handlers, listener) before
     * login, so that a {@code clearCache} pushed right after login is not missed.
     */
    void connectThing(ProvisioningListener listener) throws Exception {
        thing = proxyPort == 0
                ? new IotTcpConnection(prosody.configBuilder(prefix + "-thing").build())
                : io.github.xmppiot.core.connection.IotConnection.create(((ProsodyServer) prosody)
                        .iotConfigBuilder(prefix + "-thing")
                        .port(proxyPort)
                        .build());
        thingClient = ProvisioningClient.getInstanceFor(thing);
        thingClient.update(b -> b.cache(DecisionCacheSettings.builder()
                .file(dir.resolve(prefix + "-cache"))
                .maxEntries(100)
                .build()));
        cache = thingClient.cache();
        if (listener != null) {
            thingClient.addListener(listener);
        }
        thing.connect().login();
    }

    /** Disconnects the Thing and closes its provisioning client and cache (a clean device shutdown). */
    void stopThing() {
        thing.disconnect();
        thingClient.close();
    }

    /** Simulates kill -9 of the provisioning server: no clean shutdown of the database, then a restart on it. */
    void crashAndRestartServer() throws Exception {
        server.close();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.resolve(prefix + "-rules").toAbsolutePath(), "sa", "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        }
        store.close(); // only releases the pool of the dead database
        store = JdbcProvisioningStore.h2(dir.resolve(prefix + "-rules"));
        server = ProvisioningServer.start(provisioning, store);
    }

    /** Restarts the provisioning server on a store with another token lifetime and clock (same database file). */
    void restartServer(java.time.Duration tokenLifetime, java.time.Clock clock) throws Exception {
        server.close();
        store.close();
        store = JdbcProvisioningStore.h2(dir.resolve(prefix + "-rules"), tokenLifetime, clock);
        server = ProvisioningServer.start(provisioning, store);
    }

    private void close() {
        thing.disconnect();
        thingClient.close();
        server.close();
        try {
            store.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private XMPPTCPConnection open(String user) throws Exception {
        return proxyPort == 0
                ? prosody.connect(user)
                : io.github.xmppiot.core.connection.IotConnection.connect(((ProsodyServer) prosody)
                        .iotConfigBuilder(user)
                        .port(proxyPort)
                        .build());
    }

    static World create(XmppTestServer prosody, Path dir, String prefix) throws Exception {
        return create(prosody, dir, prefix, ServerOptions.defaults());
    }

    /** A world whose provisioning server runs with the given options. */
    static World create(XmppTestServer prosody, Path dir, String prefix, ServerOptions options) throws Exception {
        return register(new World(prosody, dir, prefix, options, 0));
    }

    /** A world whose connections all go through a fault proxy on this port, with the SDK's reconnection policy. */
    static World create(ProsodyServer prosody, Path dir, String prefix, int proxyPort) throws Exception {
        return register(new World(prosody, dir, prefix, ServerOptions.defaults(), proxyPort));
    }

    private static World register(World w) {
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

    /** Completes with true on {@code subscribed}, false on {@code unsubscribed} from {@code from}. */
    static java.util.concurrent.CompletableFuture<Boolean> subscriptionAnswer(XMPPConnection who, BareJid from) {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        Roster.getInstanceFor(who).addPresenceEventListener(new AbstractPresenceEventListener() {
            @Override
            public void presenceSubscribed(BareJid address, Presence p) {
                if (address.equals(from)) {
                    answer.complete(true);
                }
            }

            @Override
            public void presenceUnsubscribed(BareJid address, Presence p) {
                if (address.equals(from)) {
                    answer.complete(false);
                }
            }
        });
        return answer;
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

    /** Runs an owner command on the provisioning server, checks that it completed and returns its notes. */
    String command(XMPPConnection who, String node, Map<String, Object> answers) throws Exception {
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
        return String.join(
                "\n",
                cmd.getNotes().stream()
                        .map(org.jivesoftware.smackx.commands.AdHocCommandNote::getValue)
                        .toList());
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
        ownerChange(
                node,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        jid("thing").toString(),
                        OwnerCommands.FIELD_PRINCIPAL,
                        principal,
                        OwnerCommands.FIELD_NODES,
                        nodes,
                        OwnerCommands.FIELD_NAMES,
                        names));
    }

    /** Allows or forbids secondary trust for the Thing; waits for the Thing's {@code clearCache} acknowledgement. */
    void secondaryTrust(boolean allowed) throws Exception {
        ownerChange(
                OwnerCommands.SECONDARY_TRUST,
                Map.of(OwnerCommands.FIELD_THING, jid("thing").toString(), OwnerCommands.FIELD_ALLOW, allowed));
    }

    /**
     * Runs an owner command that changes the Thing's rules; if the Thing is online, waits until it has acknowledged
     * the resulting {@code clearCache}.
     */
    void ownerChange(String node, Map<String, Object> answers) throws Exception {
        ownerChange(owner, node, answers);
    }

    /** {@link #ownerChange(String, Map)} run by another account (for example a new owner). */
    void ownerChange(XMPPConnection who, String node, Map<String, Object> answers) throws Exception {
        java.util.concurrent.CompletableFuture<String> acknowledged = new java.util.concurrent.CompletableFuture<>();
        server.addListener(new ServerListener() {
            @Override
            public void clearCacheAcknowledged(String t) {
                if (t.equals(jid("thing").toString())) {
                    acknowledged.complete(t);
                }
            }
        });
        command(who, node, answers);
        if (thing.isAuthenticated()) {
            await(acknowledged);
        }
    }
}
