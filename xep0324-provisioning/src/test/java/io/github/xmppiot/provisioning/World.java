package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.provisioning.server.H2ProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
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

    final ProsodyServer prosody;
    final Path dir;
    final String prefix;
    final XMPPTCPConnection provisioning;
    final XMPPTCPConnection thing;
    final XMPPTCPConnection owner;
    final XMPPTCPConnection client;
    final XMPPTCPConnection stranger;
    H2ProvisioningStore store;
    ProvisioningServer server;
    final ProvisioningClient thingClient;
    final DecisionCache cache;

    private World(ProsodyServer prosody, Path dir, String prefix) throws Exception {
        this.prosody = prosody;
        this.dir = dir;
        this.prefix = prefix;
        provisioning = prosody.connect(prefix + "-prov");
        store = new H2ProvisioningStore(dir.resolve(prefix + "-rules"));
        server = ProvisioningServer.start(provisioning, store);
        thing = prosody.connect(prefix + "-thing");
        owner = prosody.connect(prefix + "-owner");
        client = prosody.connect(prefix + "-client");
        stranger = prosody.connect(prefix + "-stranger");
        thingClient = ProvisioningClient.getInstanceFor(thing);
        cache = DecisionCache.persistent(dir.resolve(prefix + "-cache"), 100, null);
        thingClient.setCache(cache);
        await(thingClient.trust(serverBareJid()));
        command(owner, OwnerCommands.CLAIM, Map.of(OwnerCommands.FIELD_THING, jid("thing").toString()));
    }

    static World create(ProsodyServer prosody, Path dir, String prefix) throws Exception {
        return new World(prosody, dir, prefix);
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

    /** A read rule for a principal: nodes and field names (empty: all). */
    void readRule(String principal, List<String> nodes, List<String> names) throws Exception {
        command(owner, OwnerCommands.READ_RULE, Map.of(OwnerCommands.FIELD_THING, jid("thing").toString(),
                OwnerCommands.FIELD_PRINCIPAL, principal, OwnerCommands.FIELD_NODES, nodes, OwnerCommands.FIELD_NAMES, names));
    }

    /** A control rule for a principal: nodes and parameter names (empty: all). */
    void controlRule(String principal, List<String> nodes, List<String> names) throws Exception {
        command(owner, OwnerCommands.CONTROL_RULE, Map.of(OwnerCommands.FIELD_THING, jid("thing").toString(),
                OwnerCommands.FIELD_PRINCIPAL, principal, OwnerCommands.FIELD_NODES, nodes, OwnerCommands.FIELD_NAMES, names));
    }
}
