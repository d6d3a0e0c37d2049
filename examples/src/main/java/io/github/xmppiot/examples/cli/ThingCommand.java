package io.github.xmppiot.examples.cli;

import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.examples.device.DemoBoard;
import io.github.xmppiot.provisioning.ProvisioningClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot thing}: runs the demo device and serves read-outs (XEP-0323) and control (XEP-0325) until it is
 * interrupted (Ctrl-C).
 */
@Command(
        name = "thing",
        sortOptions = false,
        header = "Runs a device with sensors, a relay and a LED.",
        description = {
            "Runs a device with temperature/humidity/pressure, light and motion sensors, a relay and a dimmable LED,",
            "serving read-outs (XEP-0323) and control (XEP-0325) until interrupted (Ctrl-C).",
            "Only --allow JIDs, its owner (once claimed through --registry) and friends (contacts we share presence",
            "with) may read and control it; with --provisioning, the provisioning server decides instead of friendship.",
            "With both --provisioning and --registry, the KEY of the printed claim string is also deposited with the",
            "provisioning server once it is online, so the same claim string proves ownership there."
        })
final class ThingCommand implements Callable<Integer> {

    @Option(
            names = "--hal",
            paramLabel = "BACKEND",
            defaultValue = "mock",
            description = "Hardware: mock (a simulated board, the default) or pi4j (Raspberry Pi).")
    private String hal;

    @Option(
            names = "--node",
            paramLabel = "NODE_ID",
            defaultValue = "DemoBoard",
            description = "Node id of the device. Default: ${DEFAULT-VALUE}.")
    private String nodeId;

    @Option(names = "--allow", paramLabel = "JID", description = "Bare JID that may read and control (repeatable).")
    private List<String> allow = new ArrayList<>();

    @Option(
            names = "--provisioning",
            paramLabel = "JID",
            description = "Provisioning server (XEP-0324) deciding" + " who may befriend, read and control the device.")
    private String provisioning;

    @Option(
            names = "--registry",
            paramLabel = "JID",
            description = "Thing registry (XEP-0347) to register in;"
                    + " the claim string and its QR code are printed for the owner. A registry account (bare JID) that is not online"
                    + " yet is waited for (one line says so), however long it takes.")
    private String registry;

    @Option(names = "--allow-everyone", description = "Let anyone read and control the device (closed networks only).")
    private boolean allowEveryone;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<BareJid> allowed = ConcurrentHashMap.newKeySet();
        allow.forEach(j -> allowed.add(Session.jid(j, "--allow").asBareJid()));
        Jid registryJid = registry == null ? null : Session.jid(registry, "--registry");
        Jid provisioningServer = provisioning == null ? null : Session.jid(provisioning, "--provisioning");
        PrintWriter out = spec.commandLine().getOut();
        try (DemoBoard board = "mock".equals(hal) ? DemoBoard.simulated(nodeId) : DemoBoard.open(hal, nodeId);
                Session s = Session.open(
                        connection.defaultResource("thing"), spec.commandLine().getErr(), c -> {
                            Readiness.holdPresence(
                                    c); // available only once every handler and disco feature is in place
                            if (provisioningServer != null) {
                                ProvisioningClient.getInstanceFor(c);
                            } else {
                                FriendRequests.install(c, allowed, out);
                            }
                        })) {
            XMPPTCPConnection c = s.connection();
            ThingDirectory things = ThingDirectory.of(board.thing());
            AccessPolicy policy = policy(c, allowed, provisioningServer);
            CompletableFuture<Void> serverOnline = null;
            if (provisioningServer != null) {
                // the device and its server come up in any order: until the server is online, requests the device
                // cannot decide are refused (forbidden), and it waits for the server's presence instead of exiting
                serverOnline = ProvisioningClient.getInstanceFor(c).trust(provisioningServer);
                serverOnline.whenComplete((v, e) -> {
                    if (e == null) {
                        out.println("provisioning server " + provisioningServer + " online");
                    } else {
                        out.println("provisioning server " + provisioningServer + ": "
                                + CliErrors.oneLine(String.valueOf(e.getMessage())));
                    }
                    out.flush();
                });
            }
            SensorDataServer.getInstanceFor(c).update(b -> b.things(things).accessPolicy(policy));
            ControlServer.getInstanceFor(c).update(b -> b.things(things).accessPolicy(policy));
            Readiness.announce(c);
            out.println("thing " + nodeId + " online as " + c.getUser() + " ("
                    + (board.simulation().isPresent() ? "simulated board" : hal)
                    + (provisioningServer != null ? ", provisioned by " + provisioningServer : "")
                    + "); Ctrl-C stops it");
            out.flush();
            if (registryJid != null) {
                // the device and its registry come up in any order: it registers once the registry is online
                CompletableFuture<Void> online = serverOnline;
                Registration.register(s, board.thing(), registryJid, allowed, out)
                        .thenAccept(key -> {
                            if (key != null && online != null) {
                                depositKey(c, provisioningServer, online, key, out);
                            }
                        });
            }
            ConnectionEvents.watch(s.connection(), out).awaitStop();
            return 0;
        }
    }

    /**
     * Deposits the KEY of the printed claim string with the provisioning server once it is online, so that whoever
     * holds the claim string can claim the Thing there too (XEP-0324 owner command {@code claim} with the key).
     */
    private static void depositKey(
            XMPPTCPConnection c, Jid server, CompletableFuture<Void> online, String key, PrintWriter out) {
        online.thenCompose(v -> ProvisioningClient.getInstanceFor(c).depositClaimKey(server, key))
                .whenComplete((v, e) -> {
                    if (e == null) {
                        out.println("claim KEY deposited with the provisioning server " + server
                                + "; the claim string claims it there too");
                    } else if (online.isDone() && !online.isCompletedExceptionally()) {
                        out.println("claim KEY not deposited with the provisioning server " + server + ": "
                                + CliErrors.oneLine(String.valueOf(e.getMessage())));
                    }
                    out.flush();
                });
    }

    private AccessPolicy policy(XMPPTCPConnection c, Set<BareJid> allowed, Jid provisioningServer) {
        if (allowEveryone) {
            return AccessPolicy.allowEveryone();
        }
        AccessPolicy base = provisioningServer != null
                ? ProvisioningClient.getInstanceFor(c).accessPolicy()
                : AccessPolicy.friends(c);
        return request -> allowed.contains(request.requester().asBareJid())
                ? CompletableFuture.completedFuture(AccessDecision.allowAll())
                : base.decide(request);
    }
}
