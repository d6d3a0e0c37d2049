package io.github.xmppiot.examples.demo;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * The demo's thing registry (XEP-0347) and provisioning server (XEP-0324), each on its own account of the embedded
 * server, with in-memory H2 databases that are shut down on {@link #close()}.
 */
final class Services implements AutoCloseable {

    private final String registryDb = "jdbc:h2:mem:demo-registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private JdbcRegistryStorage registryStorage;
    private ThingRegistry registry;
    private JdbcProvisioningStore provisioningStore;
    private ProvisioningServer provisioning;
    private EntityFullJid registryJid;
    private EntityFullJid provisioningJid;

    private Services() {}

    /**
     * Starts both services on the accounts {@code registry} and {@code provisioning}.
     *
     * @param server the embedded server
     * @return the running services
     * @throws Exception if a service cannot start; what started is closed
     */
    static Services start(EmbeddedXmppServer server) throws Exception {
        Services s = new Services();
        try {
            XMPPTCPConnection r = server.connect(
                    server.configFor("registry").resource("registry").build());
            s.registryStorage = JdbcRegistryStorage.jdbc(s.registryDb, "sa", "");
            s.registry = ThingRegistry.start(r, s.registryStorage);
            s.registryJid = r.getUser();
            XMPPTCPConnection p = server.connect(
                    server.configFor("provisioning").resource("provisioning").build());
            s.provisioningStore = JdbcProvisioningStore.h2InMemory("demo-provisioning-" + UUID.randomUUID());
            s.provisioning = ProvisioningServer.start(p, s.provisioningStore);
            s.provisioningJid = p.getUser();
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /**
     * The registry's full JID, which Things and owners use directly: the demo configures addresses instead of
     * locating the registry through presence.
     *
     * @return the registry's full JID
     */
    EntityFullJid registry() {
        return registryJid;
    }

    /** @return the provisioning server's bare JID */
    EntityBareJid provisioning() {
        return provisioningJid.asEntityBareJid();
    }

    /** @return the provisioning server's full JID, for ad-hoc commands */
    EntityFullJid provisioningFullJid() {
        return provisioningJid;
    }

    /**
     * Makes the caller the owner of a Thing at a provisioning server with its {@link OwnerCommands#CLAIM} ad-hoc
     * command, presenting the Thing's claim string as proof (the Thing deposited its KEY before).
     *
     * @param owner        the owner's connection
     * @param provisioning the provisioning server's full JID
     * @param thing        the Thing's bare JID
     * @param claim        the claim string the owner read from the Thing
     * @throws Exception if the command fails or does not complete
     */
    static void claimAtProvisioningServer(XMPPConnection owner, EntityFullJid provisioning, BareJid thing, String claim)
            throws Exception {
        run(
                owner,
                provisioning,
                OwnerCommands.CLAIM,
                Map.of(OwnerCommands.FIELD_THING, thing.toString(), OwnerCommands.FIELD_KEY, claim));
    }

    private static void run(XMPPConnection who, EntityFullJid provisioning, String node, Map<String, String> answers)
            throws Exception {
        RemoteCommand command =
                AdHocCommandManager.getAddHocCommandsManager(who).getRemoteCommand(provisioning, node);
        command.execute();
        FillableForm form = new FillableForm(command.getForm());
        answers.forEach(form::setAnswer);
        command.complete(form);
        if (command.getStatus() != AdHocCommand.Status.completed) {
            throw new IllegalStateException(
                    "the provisioning server did not complete " + node + ": " + command.getStatus());
        }
    }

    /** Stops both services and drops their databases. */
    @Override
    public void close() throws SQLException {
        if (provisioning != null) {
            provisioning.close();
        }
        if (provisioningStore != null) {
            provisioningStore.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (registryStorage != null) {
            registryStorage.close();
            try (Connection c = DriverManager.getConnection(registryDb, "sa", "");
                    Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
    }
}
