package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.examples.device.SimulatedBoardType;
import io.github.xmppiot.examples.hub.Hub;
import io.github.xmppiot.provisioning.ProvisioningClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
 * {@code xmpp-iot hub}: runs a hub (XEP-0326 concentrator) whose devices are listed in a properties file, until
 * interrupted.
 */
@Command(name = "hub", sortOptions = false, description = {
    "Runs a hub (XEP-0326 concentrator) with the devices of a configuration file, serving read-outs (XEP-0323),",
    "control (XEP-0325) and node management (add-node, remove-node) until interrupted (Ctrl-C).",
    "Configuration (properties): root=Hub, then per device node.<id>.type=DemoBoard and node.<id>.<parameter>=value."})
final class HubCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The hub's configuration.")
    private Path config;

    @Option(names = "--allow", paramLabel = "JID", description = "Bare JID that may use the hub (repeatable).")
    private java.util.List<String> allow = new java.util.ArrayList<>();

    @Option(names = "--provisioning", paramLabel = "JID", description = "Provisioning server (XEP-0324) deciding"
            + " who may use the hub, instead of friendship.")
    private String provisioning;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Properties p = load(config);
        String root = p.getProperty("root", "Hub").strip();
        Map<String, Map<String, String>> nodes = nodes(p);
        Set<BareJid> allowed = allow.stream().map(j -> Session.jid(j, "--allow").asBareJid())
                .collect(Collectors.toSet());
        Jid provisioningServer = provisioning == null ? null : Session.jid(provisioning, "--provisioning");
        PrintWriter out = spec.commandLine().getOut();
        try (Session s = Session.open(connection, spec.commandLine().getErr(), c -> {
            if (provisioningServer != null) {
                ProvisioningClient.getInstanceFor(c);
            }
        })) {
            XMPPTCPConnection c = s.connection();
            AccessPolicy base = AccessPolicy.friends(c);
            if (provisioningServer != null) {
                Targets.await(ProvisioningClient.getInstanceFor(c).trust(provisioningServer), s.timeout());
                base = ProvisioningClient.getInstanceFor(c).accessPolicy();
            }
            AccessPolicy decided = base;
            AccessPolicy policy = request -> allowed.contains(request.requester().asBareJid())
                    ? CompletableFuture.completedFuture(AccessDecision.allowAll()) : decided.decide(request);
            try (Hub hub = Hub.start(c, root, policy, new SimulatedBoardType())) {
                for (Map.Entry<String, Map<String, String>> n : nodes.entrySet()) {
                    Map<String, String> values = new LinkedHashMap<>(n.getValue());
                    String type = values.remove("type");
                    try {
                        hub.add(type, n.getKey(), values);
                    } catch (IllegalArgumentException e) {
                        throw CliException.badInput(config + ": " + e.getMessage());
                    }
                }
                out.println("hub " + root + " online as " + c.getUser() + " with " + nodes.size() + " device(s): "
                        + String.join(", ", nodes.keySet()) + "; Ctrl-C stops it");
                out.flush();
                Interrupts.awaitStop();
            }
            return 0;
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.badInput("cannot read --config " + file + ": " + CliErrors.oneLine(e.getMessage()));
        }
        return p;
    }

    /**
     * The devices of a configuration, by node id, each with its {@code type} and parameters.
     *
     * @param p the configuration
     * @return the devices in node-id order
     * @throws CliException with {@link CliException#BAD_INPUT} if a key is malformed or a type missing
     */
    static Map<String, Map<String, String>> nodes(Properties p) {
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.equals("root")) {
                continue;
            }
            String[] parts = key.split("\\.", 3);
            if (parts.length != 3 || !parts[0].equals("node") || parts[1].isBlank() || parts[2].isBlank()) {
                throw CliException.badInput("unknown configuration key '" + key + "': expected root or"
                        + " node.<id>.type / node.<id>.<parameter>");
            }
            nodes.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], p.getProperty(key).strip());
        }
        nodes.forEach((id, values) -> {
            if (!values.containsKey("type")) {
                throw CliException.badInput("node " + id + " has no node." + id + ".type");
            }
        });
        return nodes;
    }
}
