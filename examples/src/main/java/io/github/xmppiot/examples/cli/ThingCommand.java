package io.github.xmppiot.examples.cli;

import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.examples.device.DemoBoard;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xmpp-iot thing}: runs the demo device and serves read-outs (XEP-0323) and control (XEP-0325) until it is
 * interrupted (Ctrl-C).
 */
@Command(name = "thing", sortOptions = false, description = {
    "Runs a device with temperature/humidity/pressure, light and motion sensors, a relay and a dimmable LED,",
    "serving read-outs (XEP-0323) and control (XEP-0325) until interrupted (Ctrl-C).",
    "Only friends (roster contacts we share presence with) and --allow JIDs may read and control it."})
final class ThingCommand implements Callable<Integer> {

    @Option(names = "--hal", paramLabel = "BACKEND", defaultValue = "mock",
            description = "Hardware: mock (a simulated board, the default) or pi4j (Raspberry Pi).")
    private String hal;

    @Option(names = "--node", paramLabel = "NODE_ID", defaultValue = "DemoBoard",
            description = "Node id of the device. Default: ${DEFAULT-VALUE}.")
    private String nodeId;

    @Option(names = "--allow", paramLabel = "JID", description = "Bare JID that may read and control (repeatable).")
    private List<String> allow = new ArrayList<>();

    @Option(names = "--allow-everyone", description = "Let anyone read and control the device (closed networks only).")
    private boolean allowEveryone;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<BareJid> allowed = allow.stream().map(j -> Session.jid(j, "--allow").asBareJid())
                .collect(Collectors.toSet());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "xmpp-iot-thing-stop");
        try (DemoBoard board = "mock".equals(hal) ? DemoBoard.simulated(nodeId) : DemoBoard.open(hal, nodeId);
             Session s = Session.open(connection, spec.commandLine().getErr())) {
            XMPPTCPConnection c = s.connection();
            ThingDirectory things = ThingDirectory.of(board.thing());
            AccessPolicy policy = policy(c, allowed);
            SensorDataServer.getInstanceFor(c).setDirectory(things).setAccessPolicy(policy);
            ControlServer.getInstanceFor(c).setThings(things).setAccessPolicy(policy);
            out.println("thing " + nodeId + " online as " + c.getUser() + " (" + (board.simulation().isPresent()
                    ? "simulated board" : hal) + "); Ctrl-C stops it");
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C: the hook has run
            }
        }
    }

    private AccessPolicy policy(XMPPTCPConnection c, Set<BareJid> allowed) {
        if (allowEveryone) {
            return AccessPolicy.allowEveryone();
        }
        AccessPolicy friends = AccessPolicy.friends(c);
        return request -> allowed.contains(request.requester().asBareJid())
                ? CompletableFuture.completedFuture(AccessDecision.allowAll()) : friends.decide(request);
    }
}
