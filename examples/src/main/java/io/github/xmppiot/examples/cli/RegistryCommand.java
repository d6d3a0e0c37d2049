package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.discovery.registry.ClaimReporter;
import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import java.io.PrintWriter;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot registry}: runs a XEP-0347 thing registry on an XMPP account until interrupted. */
@Command(
        name = "registry",
        sortOptions = false,
        header = "Runs a thing registry (XEP-0347).",
        description = {
            "Runs a thing registry (XEP-0347) on this account until interrupted (Ctrl-C): Things register their meta tags,",
            "owners claim them with the claim string, and claimed public Things can be searched. With --provisioning,",
            "every claim is reported to that provisioning server, which must trust this registry",
            "(provisioning --trusted-registry)."
        })
final class RegistryCommand implements Callable<Integer> {

    @Mixin
    private DatabaseOptions database;

    @Option(
            names = "--provisioning",
            paramLabel = "JID",
            description = "A provisioning server (XEP-0324) to tell"
                    + " who claimed a Thing here, so the owner is its owner there too; that server must be started with"
                    + " --trusted-registry set to this registry's JID.")
    private String provisioning;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    /** How long a claim report to the provisioning server may take before the owner is answered anyway. */
    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String memory = "jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DatabaseOptions.Target db = database.target();
        if (db == null) {
            spec.commandLine()
                    .getErr()
                    .println("WARNING: no --db given: registrations, KEYs and owners are kept IN"
                            + " MEMORY and are LOST when this registry stops; give --db FILE to keep them");
            spec.commandLine().getErr().flush();
        }
        try (JdbcRegistryStorage storage =
                        db != null ? RegistryDb.open(db) : JdbcRegistryStorage.jdbc(memory, "sa", "");
                // available only once the registry answers: a Thing's friend request waiting on the server is
                // delivered with the first available presence and must meet the registry's accept-all rule
                Session s = Session.open(connection, spec.commandLine().getErr(), Readiness::holdPresence);
                ThingRegistry registry = ThingRegistry.start(s.connection(), storage)) {
            if (provisioning != null) {
                registry.update(b -> b.claimReporter(ClaimReporter.provisioningServer(
                        s.connection(), Session.jid(provisioning, "--provisioning"), REPORT_TIMEOUT)));
                out.println("claims are reported to the provisioning server " + provisioning);
            }
            Readiness.announce(s.connection());
            out.println("thing registry online as " + s.connection().getUser() + " (records "
                    + (db != null ? db.describe() : "in memory") + "); Ctrl-C stops it");
            out.flush();
            ConnectionEvents.watch(s.connection(), out).awaitStop();
            if (db == null) {
                try (java.sql.Connection c = DriverManager.getConnection(memory, "sa", "")) {
                    c.createStatement().execute("SHUTDOWN");
                }
            }
            return 0;
        }
    }
}
