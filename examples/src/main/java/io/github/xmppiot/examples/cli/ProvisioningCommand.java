package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ProvisioningServerSettings;
import io.github.xmppiot.provisioning.server.ServerOptions;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot provisioning}: runs a XEP-0324 provisioning server on an XMPP account until interrupted. */
@Command(
        name = "provisioning",
        sortOptions = false,
        header = "Runs a provisioning server (XEP-0324).",
        description = {
            "Runs a provisioning server (XEP-0324) on this account until interrupted (Ctrl-C): it decides friendships,",
            "read-outs and control of the Things that trust it, from rules their owners manage with ad-hoc commands",
            "(claim, friendship, read and control rules). Claiming needs proof: the Thing's claim string (the Thing",
            "deposits its KEY), an --owner given here, or a claim reported by a --trusted-registry.",
            "Owners, rules and tokens live in --db: an H2 file, or PostgreSQL shared by several provisioning servers",
            "(each on its own account; see docs/servers.md). Without --db they are kept in memory and LOST on exit."
        })
final class ProvisioningCommand implements Callable<Integer> {

    /** {@code --db}: owners and rules; default in memory, LOST when the server stops (a warning says so). */
    @Mixin
    private DatabaseOptions database;

    @Option(
            names = "--owner",
            paramLabel = "THING=OWNER",
            description = "Lets OWNER claim THING without its claim" + " string (both bare JIDs); repeatable.")
    private Map<String, String> owners = Map.of();

    @Option(
            names = "--trusted-registry",
            paramLabel = "JID",
            description = "A thing registry (XEP-0347) whose" + " claims name the owner; repeatable.")
    private List<String> registries = List.of();

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerOptions.Builder options = ServerOptions.builder();
        for (Map.Entry<String, String> o : owners.entrySet()) {
            options.owner(
                    Session.jid(o.getKey(), "--owner").asBareJid().toString(),
                    Session.jid(o.getValue(), "--owner").asBareJid().toString());
        }
        for (String r : registries) {
            options.trustedRegistry(
                    Session.jid(r, "--trusted-registry").asBareJid().toString());
        }
        DatabaseOptions.Target db = database.target();
        if (db == null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("WARNING: no --db given: owners, claim keys, rules and tokens are kept IN MEMORY and are LOST"
                    + " when this server stops; give --db FILE to keep them");
            err.flush();
        }
        try (JdbcProvisioningStore store = open(db);
                // available only once the server answers: friend requests waiting on the server are delivered with
                // the first available presence and must meet the provisioning server's subscription rules
                Session s = Session.open(connection, spec.commandLine().getErr(), Readiness::holdPresence);
                ProvisioningServer server = ProvisioningServer.start(
                        s.connection(),
                        store,
                        ProvisioningServerSettings.builder()
                                .options(options.build())
                                .build())) {
            Readiness.announce(s.connection());
            out.println("provisioning server online as " + s.connection().getUser() + " (rules "
                    + (db != null ? db.describe() : "in memory") + "); owners claim Things with the ad-hoc command "
                    + OwnerCommands.CLAIM + "; Ctrl-C stops it");
            out.flush();
            ConnectionEvents.watch(s.connection(), out).awaitStop();
            return 0;
        }
    }

    private static JdbcProvisioningStore open(DatabaseOptions.Target db) throws SQLException {
        if (db == null) {
            return JdbcProvisioningStore.h2InMemory("provisioning-" + UUID.randomUUID());
        }
        try {
            if (db instanceof DatabaseOptions.Postgres pg) {
                return JdbcProvisioningStore.postgresql(pg.url(), pg.user(), pg.password());
            }
            return JdbcProvisioningStore.h2(((DatabaseOptions.H2File) db).file());
        } catch (SQLException e) {
            throw CliException.badInput("cannot open --db " + db.describe().substring("in ".length()) + ": "
                    + CliErrors.oneLine(e.getMessage()) + "; check that the database exists and the user and"
                    + " password (" + DatabaseOptions.USER_ENV + ", " + DatabaseOptions.PASSWORD_ENV
                    + " or --db-password-file) are right");
        }
    }
}
