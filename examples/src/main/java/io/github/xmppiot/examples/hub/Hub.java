package io.github.xmppiot.examples.hub;

import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jivesoftware.smack.XMPPConnection;

/**
 * A hub: one XMPP account serving many devices as the nodes of a concentrator (XEP-0326), each readable (XEP-0323)
 * and controllable (XEP-0325). Devices are created from {@link NodeType}s, at start from a configuration or at run
 * time by clients ({@code add-node}).
 */
public final class Hub implements AutoCloseable {

    private final XMPPConnection connection;
    private final NodeTree tree;

    private Hub(XMPPConnection connection, NodeTree tree) {
        this.connection = connection;
        this.tree = tree;
    }

    /**
     * Starts serving on a logged-in connection.
     *
     * @param connection the hub's connection
     * @param rootId     the id of the root node (the hub itself)
     * @param policy     who may read, control, list, add and remove the nodes
     * @param types      the node types clients may create
     * @return the hub
     */
    public static Hub start(XMPPConnection connection, String rootId, AccessPolicy policy, NodeType... types) {
        ThingDirectory things = new ThingDirectory();
        NodeTree tree = new NodeTree(rootId, things, Clock.systemUTC());
        for (NodeType t : types) {
            tree.register(t);
        }
        SensorDataServer.getInstanceFor(connection).setDirectory(things).setAccessPolicy(policy);
        ControlServer.getInstanceFor(connection).setThings(things).setAccessPolicy(policy);
        ConcentratorServer.getInstanceFor(connection).setAccessPolicy(policy).serve(tree);
        return new Hub(connection, tree);
    }

    /** @return the node tree */
    public NodeTree tree() {
        return tree;
    }

    /**
     * Adds a device under the root node, checking its configuration as {@code createNewNode} does.
     *
     * @param type   the node type
     * @param nodeId the new node's id
     * @param values parameter values in lexical form; missing ones take the type's default
     * @return the new node
     * @throws IllegalArgumentException if the type is unknown, a value is invalid or a required one is missing
     * @throws Exception                if the device cannot be set up
     */
    public TreeNode add(String type, String nodeId, Map<String, String> values) throws Exception {
        NodeType t = tree.type(type).orElseThrow(() -> new IllegalArgumentException("unknown node type '" + type
                + "'; known: " + tree.types().stream().map(NodeType::type).toList()));
        Map<String, String> left = new LinkedHashMap<>(values);
        Map<String, Value> configuration = new LinkedHashMap<>();
        for (NodeParameterSpec p : t.parameters()) {
            String lexical = left.remove(p.id());
            if (lexical == null) {
                if (p.defaultValue() != null) {
                    configuration.put(p.id(), p.defaultValue());
                } else if (p.required()) {
                    throw new IllegalArgumentException("node " + nodeId + ": parameter '" + p.id() + "' is required");
                }
                continue;
            }
            NodeParameterSpec.Result r = p.check(lexical);
            if (r.errorMessage().isPresent()) {
                throw new IllegalArgumentException("node " + nodeId + ": " + p.id() + ": " + r.errorMessage().get());
            }
            configuration.put(p.id(), r.value());
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("node " + nodeId + ": unknown parameter(s) " + left.keySet());
        }
        return tree.add(tree.rootId(), type, nodeId, configuration);
    }

    /** Stops answering concentrator requests and removes every node, releasing its device. */
    @Override
    public void close() {
        ConcentratorServer.getInstanceFor(connection).stop();
        for (TreeNode n : tree.children(tree.rootId())) {
            tree.remove(n.nodeId());
        }
    }
}
