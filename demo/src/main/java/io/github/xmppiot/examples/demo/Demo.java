package io.github.xmppiot.examples.demo;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.concentrator.hub.HubConfig;
import io.github.xmppiot.concentrator.hub.HubConfig.Node;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.ClaimUri;
import io.github.xmppiot.discovery.ClaimedThing;
import io.github.xmppiot.discovery.OwnerDiscoveryManager;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.ThingDiscoveryListener;
import io.github.xmppiot.discovery.ThingDiscoveryManager;
import io.github.xmppiot.examples.cli.Output;
import io.github.xmppiot.examples.cli.Tables;
import io.github.xmppiot.examples.cli.Walkthrough;
import io.github.xmppiot.examples.device.DemoBoard;
import io.github.xmppiot.examples.device.SimulatedBoardType;
import io.github.xmppiot.examples.hub.NodeForms;
import io.github.xmppiot.provisioning.ProvisioningClient;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * The walk-through of {@code xmpp-iot demo}: an embedded XMPP server, a thing registry, a provisioning server, a hub
 * with a simulated device and a client that claims the device, reads it, controls it, adds a second device and reads
 * that one, printing each step. Everything runs in this JVM on the loopback interface and is stopped at the end; the
 * hub's JSON configuration lives in a temporary directory that is deleted at the end.
 */
public final class Demo {

    /** How long each request may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final NodeRef KITCHEN = NodeRef.of("Kitchen", NodeTree.SOURCE_ID);
    private static final NodeRef GARAGE = NodeRef.of("Garage", NodeTree.SOURCE_ID);

    private final PrintWriter out;
    private final SecureRandom random = new SecureRandom();
    private int step;

    /**
     * Creates the demo.
     *
     * @param out where the walk-through is printed
     */
    public Demo(PrintWriter out) {
        this.out = out;
    }

    /**
     * Runs every step; the first failing step ends the demo with its exception, after everything was stopped.
     *
     * @return how long the demo took
     * @throws Exception the failure of a step
     */
    public Duration run() throws Exception {
        long start = System.nanoTime();
        SimulatedBoardType boards = new SimulatedBoardType();
        EmbeddedXmppServer server =
                step("Start an XMPP server (embedded Apache Vysper) on the loopback interface", () -> {
                    EmbeddedXmppServer s = EmbeddedXmppServer.start(EmbeddedXmppServer.DEFAULT_DOMAIN);
                    detail("domain " + s.domain() + ", 127.0.0.1:" + s.port()
                            + ", STARTTLS with a certificate created for this run");
                    for (String user : List.of("registry", "provisioning", "hub", "owner")) {
                        s.addAccount(user, secret());
                    }
                    return s;
                });
        Services services = null;
        Hub hub = null;
        Path hubDir = null;
        try {
            services = step(
                    "Start a thing registry (XEP-0347) and a provisioning server (XEP-0324)",
                    () -> Services.start(server));
            Services svc = services;
            XMPPTCPConnection hubConnection =
                    server.connect(server.configFor("hub").resource("hub").build(), ProvisioningClient::getInstanceFor);
            EntityFullJid hubJid = hubConnection.getUser();
            hubDir = Files.createTempDirectory("xmpp-iot-demo");
            Path hubConfig = hubDir.resolve("hub.json");
            HubConfig.empty("Hub", "mock")
                    .withNodes(List.of(
                            new Node(KITCHEN.nodeId(), SimulatedBoardType.TYPE, null, Map.of("room", "kitchen"))))
                    .write(hubConfig);
            hub = step(
                    "Start a hub (XEP-0326) with a simulated multisensor, Kitchen, whose access the provisioning"
                            + " server decides",
                    () -> {
                        ProvisioningClient provisioned = ProvisioningClient.getInstanceFor(hubConnection);
                        await(provisioned.trust(svc.provisioning()));
                        Hub h = Hub.builder()
                                .config(hubConfig)
                                .connection(hubConnection)
                                .accessPolicy(provisioned.accessPolicy())
                                .nodeType(boards)
                                .build()
                                .start();
                        detail("hub online as " + hubJid + " with the nodes of " + hubConfig.getFileName() + ": "
                                + h.tree().all().stream().map(n -> n.nodeId()).toList());
                        return h;
                    });
            Hub started = hub;
            CompletableFuture<Jid> claimedBy = new CompletableFuture<>();
            String claim = step("Register Kitchen in the registry; it prints the claim string of its QR code", () -> {
                ThingDiscoveryManager discovery = ThingDiscoveryManager.getInstanceFor(hubConnection);
                discovery.update(b -> b.registry(svc.registry()));
                discovery.addListener(new ThingDiscoveryListener() {
                    @Override
                    public void claimed(Jid owner, NodeRef node, boolean isPublic) {
                        claimedBy.complete(owner);
                    }
                });
                List<MetaTag> tags = new ArrayList<>(
                        started.tree().thing(KITCHEN.nodeId()).orElseThrow().metaTags());
                String key = secret();
                tags.add(new StringTag(MetaTags.KEY, key));
                RegistrationResult result = await(discovery.register(tags, KITCHEN, false));
                require(result instanceof RegistrationResult.Registered, "not registered: " + result);
                // the same KEY proves ownership at the provisioning server: whoever holds the claim string may claim
                await(ProvisioningClient.getInstanceFor(hubConnection).depositClaimKey(svc.provisioningFullJid(), key));
                return ClaimUri.encode(tags);
            });
            XMPPTCPConnection owner =
                    server.connect(server.configFor("owner").resource("client").build());
            step(
                    "Claim it as " + owner.getUser().asBareJid() + " with the claim string; the provisioning server"
                            + " learns its owner",
                    () -> {
                        OwnerDiscoveryManager discovery = OwnerDiscoveryManager.getInstanceFor(owner);
                        discovery.update(b -> b.registry(svc.registry()));
                        ClaimedThing thing = await(discovery.claim(claim, true));
                        require(thing.jid().asBareJid().equals(hubJid.asBareJid()), "claimed " + thing.jid());
                        detail("registry: " + thing.jid().asBareJid() + " node "
                                + thing.node().nodeId() + " is owned by "
                                + await(claimedBy).asBareJid() + " (the hub was told)");
                        Services.claimAtProvisioningServer(owner, svc.provisioningFullJid(), hubJid.asBareJid(), claim);
                        detail("provisioning server: " + owner.getUser().asBareJid() + " owns " + hubJid.asBareJid());
                        return null;
                    });
            step("Read the Kitchen device (XEP-0323) as " + owner.getUser().asBareJid(), () -> {
                Readout r = read(owner, hubJid, KITCHEN);
                require(
                        r.field("Temperature").isPresent() && r.field("Light").isPresent(),
                        "the read-out lacks Temperature or Light: " + r);
                return table(r);
            });
            step("Control it (XEP-0325): Relay=true, Brightness=60, then read the control state back", () -> {
                await(ControlClient.getInstanceFor(owner)
                        .update(s -> s.replyTimeout(TIMEOUT))
                        .set(
                                hubJid,
                                ControlRequest.builder()
                                        .node(KITCHEN)
                                        .set("Relay", true)
                                        .set("Brightness", 60)
                                        .build()));
                DemoBoard board =
                        boards.board(started.tree().thing(KITCHEN.nodeId()).orElseThrow());
                require(board.relayOn() && board.brightness() == 60, "the simulated outputs did not change");
                detail("on the simulated board the relay is now on and the LED at 60 %");
                Readout r = await(SensorDataClient.getInstanceFor(owner)
                        .read(
                                hubJid,
                                ReadoutRequest.builder()
                                        .status()
                                        .nodes(KITCHEN)
                                        .fields("Relay", "Brightness")
                                        .timeout(TIMEOUT)
                                        .build()));
                require(
                        r.field("Relay")
                                        .map(f -> f.field().value().lexical())
                                        .orElse("")
                                        .equals("true")
                                && r.field("Brightness")
                                        .map(f -> f.field().value().lexical())
                                        .orElse("")
                                        .equals("60"),
                        "the device did not take the new values: " + r);
                return table(r);
            });
            step("Add a second device, Garage, through the hub (XEP-0326 createNewNode)", () -> {
                ConcentratorClient c = ConcentratorClient.getInstanceFor(owner);
                NodeRef root = NodeRef.of("Hub", NodeTree.SOURCE_ID);
                DataForm form = await(c.getParametersForNewNode(hubJid, root, SimulatedBoardType.TYPE));
                await(c.createNewNode(
                        hubJid,
                        root,
                        SimulatedBoardType.TYPE,
                        NodeForms.fill(form, GARAGE.nodeId(), Map.of("room", "garage"))));
                List<NodeInformation> nodes = await(c.getAllNodes(hubJid, NodeTree.SOURCE_ID, NodeDetail.NONE));
                require(
                        nodes.stream().anyMatch(n -> n.nodeId().equals(GARAGE.nodeId())),
                        "Garage is not among the hub's nodes");
                detail("the hub now has: "
                        + nodes.stream().map(NodeInformation::nodeId).toList());
                require(
                        started.config().nodes().stream().anyMatch(n -> n.id().equals(GARAGE.nodeId())),
                        "Garage was not saved to the hub's configuration");
                detail("and saved Garage to " + started.configFile().getFileName());
                return null;
            });
            step("Read the new Garage device", () -> {
                Readout r = read(owner, hubJid, GARAGE);
                require(r.field("Temperature").isPresent(), "the read-out of Garage lacks Temperature: " + r);
                return table(r);
            });
        } finally {
            if (hub != null) {
                hub.close();
            }
            if (services != null) {
                services.close();
            }
            server.close();
            if (hubDir != null) {
                deleteTree(hubDir);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        out.printf(
                "Demo complete: every step succeeded in %.1f s; server and devices stopped, nothing left on"
                        + " disk.%n",
                took.toMillis() / 1000.0);
        out.flush();
        return took;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String secret() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Readout read(XMPPTCPConnection client, EntityFullJid hub, NodeRef node) throws Exception {
        return await(SensorDataClient.getInstanceFor(client)
                .read(
                        hub,
                        ReadoutRequest.builder()
                                .momentary()
                                .nodes(node)
                                .timeout(TIMEOUT)
                                .build()));
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private String table(Readout r) {
        return Output.table(
                Tables.READOUT_COLUMNS.subList(0, 4),
                Tables.readout(r).stream().map(row -> row.subList(0, 4)).toList());
    }

    private void detail(String text) {
        out.println("      " + text);
    }

    /** One step of the walk-through. */
    @FunctionalInterface
    private interface Action<T> {
        T run() throws Exception;
    }

    private <T> T step(String title, Action<T> action) throws Exception {
        step++;
        out.println("[" + step + "] " + title);
        out.flush();
        long t0 = System.nanoTime();
        T result;
        try {
            result = action.run();
        } catch (Exception e) {
            out.println("      FAILED");
            out.flush();
            throw new Walkthrough.StepFailure(step, title, e);
        }
        if (result instanceof String text) {
            text.lines().forEach(this::detail);
        }
        out.printf("      ok (%d ms)%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        out.flush();
        return result;
    }
}
