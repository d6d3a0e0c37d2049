package io.github.xmppiot.examples.cli;

import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.examples.device.SimulatedBoardType;
import io.github.xmppiot.provisioning.ProvisioningClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot hub}: runs the SDK's XEP-0326 hub ({@link Hub}) on a JSON configuration file until interrupted. The
 * hub keeps the file in sync with the nodes clients create, edit and destroy.
 */
@Command(
        name = "hub",
        sortOptions = false,
        header = "Runs a hub (XEP-0326) of devices that clients can manage.",
        description = {
            "Runs a hub (XEP-0326 concentrator) with the nodes of a JSON file, serving",
            "read-outs (XEP-0323), control (XEP-0325) and node management (add-node,",
            "remove-node) until interrupted (Ctrl-C). Nodes that clients add, edit or",
            "remove are written back to the file; a missing file is created (mock HAL",
            "backend, no nodes). Example file:",
            "  {\"rootId\": \"Hub\", \"hal\": {\"backend\": \"mock\"}, \"nodes\": [",
            "    {\"id\": \"Heater\", \"type\": \"relay\", \"parameters\": {\"pin\": 17}}]}",
            "hal.backend: mock or pi4j. Node types: relay, led, dimmable-led, bme280,",
            "bh1750, pir, button, DemoBoard (simulated multisensor; parameter room)."
        })
final class HubCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The hub's JSON configuration;" + " created if missing.")
    private Path config;

    @Option(names = "--allow", paramLabel = "JID", description = "Bare JID that may use the hub (repeatable).")
    private List<String> allow = new ArrayList<>();

    @Option(
            names = "--provisioning",
            paramLabel = "JID",
            description = "Provisioning server (XEP-0324) deciding" + " who may use the hub, instead of friendship.")
    private String provisioning;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<BareJid> allowed =
                allow.stream().map(j -> Session.jid(j, "--allow").asBareJid()).collect(Collectors.toSet());
        Jid provisioningServer = provisioning == null ? null : Session.jid(provisioning, "--provisioning");
        PrintWriter out = spec.commandLine().getOut();
        try (Session s = Session.open(
                connection.defaultResource("hub"), spec.commandLine().getErr(), c -> {
                    Readiness.holdPresence(c); // available only once the XEP-0326 handlers are in place
                    if (provisioningServer != null) {
                        ProvisioningClient.getInstanceFor(c);
                    } else {
                        FriendRequests.install(c, allowed, out);
                    }
                })) {
            XMPPTCPConnection c = s.connection();
            AccessPolicy base = AccessPolicy.friends(c);
            if (provisioningServer != null) {
                // in any order: until the server is online, undecidable requests are refused; no timeout, no exit
                ProvisioningClient.getInstanceFor(c).trust(provisioningServer).whenComplete((v, e) -> {
                    out.println("provisioning server " + provisioningServer
                            + (e == null ? " online" : ": " + CliErrors.oneLine(String.valueOf(e.getMessage()))));
                    out.flush();
                });
                base = ProvisioningClient.getInstanceFor(c).accessPolicy();
            }
            AccessPolicy decided = base;
            AccessPolicy policy =
                    request -> allowed.contains(request.requester().asBareJid())
                            ? CompletableFuture.completedFuture(AccessDecision.allowAll())
                            : decided.decide(request);
            boolean created = !Files.exists(config);
            try (Hub hub = start(Hub.builder()
                    .config(config)
                    .connection(c)
                    .accessPolicy(policy)
                    .nodeType(new SimulatedBoardType())
                    .build())) {
                Readiness.announce(c);
                if (created) {
                    out.println("created " + config + " (mock backend, no nodes)");
                }
                String root = hub.tree().rootId();
                List<TreeNode> nodes = hub.tree().all().stream()
                        .filter(n -> n.parentId() != null)
                        .toList();
                String table = nodes.isEmpty()
                        ? ""
                        : Output.table(
                                List.of("node", "type", "parent"),
                                nodes.stream()
                                        .map(n -> List.<Object>of(n.nodeId(), n.type(), n.parentId()))
                                        .toList());
                // one write, so that a reader seeing the first line also sees the table
                out.print("hub " + root + " online as " + c.getUser() + " with " + nodes.size() + " node(s) from "
                        + config + "; Ctrl-C stops it" + System.lineSeparator() + table);
                out.flush();
                ConnectionEvents.watch(s.connection(), out).awaitStop();
                hub.lastWriteFailure()
                        .ifPresent(e -> spec.commandLine()
                                .getErr()
                                .println("hub: the last change" + " could not be saved to " + config + ": "
                                        + CliErrors.oneLine(e.getMessage())));
            }
            return 0;
        }
    }

    /** Starts the hub, turning an unreadable or invalid configuration into a one-line {@code BAD_INPUT} error. */
    private Hub start(Hub hub) throws Exception {
        try {
            return hub.start();
        } catch (IOException e) {
            throw CliException.badInput("cannot read --config " + config + ": " + CliErrors.oneLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(CliErrors.oneLine(e.getMessage()));
        }
    }
}
