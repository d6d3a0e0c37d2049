package io.github.xmppiot.examples.cli;

import io.github.xmppiot.provisioning.server.H2ProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot provisioning}: runs a XEP-0324 provisioning server on an XMPP account until interrupted. */
@Command(name = "provisioning", sortOptions = false, description = {
    "Runs a provisioning server (XEP-0324) on this account until interrupted (Ctrl-C): it decides friendships,",
    "read-outs and control of the Things that trust it, from rules their owners manage with ad-hoc commands",
    "(claim, friendship, read and control rules)."})
final class ProvisioningCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", description = "H2 database keeping owners and rules (created if"
            + " missing). Default: in memory, lost when the server stops.")
    private Path db;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (H2ProvisioningStore store = db != null ? new H2ProvisioningStore(db)
                     : new H2ProvisioningStore("jdbc:h2:mem:provisioning-" + UUID.randomUUID());
             Session s = Session.open(connection, spec.commandLine().getErr());
             ProvisioningServer server = ProvisioningServer.start(s.connection(), store)) {
            out.println("provisioning server online as " + s.connection().getUser() + " (rules "
                    + (db != null ? "in " + db : "in memory") + "); owners claim Things with the ad-hoc command "
                    + OwnerCommands.CLAIM + "; Ctrl-C stops it");
            out.flush();
            ConnectionEvents.watch(s.connection(), out).awaitStop();
            return 0;
        }
    }
}
