package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.NodeEvent.Kind;
import io.github.xmppiot.concentrator.element.NodeMessage;
import io.github.xmppiot.concentrator.element.NodeState;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.Value;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node tree of a concentrator (XEP-0326 §3.7 "Nodes"), in the data source {@link #SOURCE_ID}: one root node (the
 * concentrator itself) with ordered children created from {@link NodeType}s. The Things of the nodes live in a
 * {@link ThingDirectory}, so the XEP-0323 and XEP-0325 modules serve the same nodes. Thread-safe; every change is
 * reported to listeners as a {@link TreeEvent}, in order, on the thread that made it.
 *
 * @since 0.1.0
 */
public final class NodeTree {

    /** The data source holding the nodes (XEP-0326 §3.3: required for sensor-network concentrators, CHECKLIST 326-4). */
    public static final String SOURCE_ID = "MeteringTopology";
    /** Node type of the root node. */
    public static final String ROOT_TYPE = "io.github.xmppiot.concentrator.Root";

    private final ThingDirectory directory;
    private final Clock clock;
    private final Map<String, NodeType> types = new LinkedHashMap<>();
    private final Map<String, TreeNode> nodes = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Thing> things = new HashMap<>();
    private final String rootId;
    private final List<Consumer<TreeEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Creates a tree with only its root node.
     *
     * @param rootId    the root node's id
     * @param directory where the nodes' Things are published
     * @param clock     the clock for {@code lastChanged}
     */
    public NodeTree(String rootId, ThingDirectory directory, Clock clock) {
        this.rootId = rootId;
        this.directory = directory;
        this.clock = clock;
        nodes.put(rootId, new TreeNode(rootId, ROOT_TYPE, null, Map.of(), NodeState.NONE, List.of(), now()));
        children.put(rootId, new ArrayList<>());
    }

    /**
     * Registers a node type.
     *
     * @param type the type
     * @return this tree
     */
    public synchronized NodeTree register(NodeType type) {
        types.put(type.type(), type);
        return this;
    }

    /**
     * Registers every node type found by {@link ServiceLoader}.
     *
     * @return this tree
     */
    public NodeTree registerServiceLoaderTypes() {
        for (NodeType t : ServiceLoader.load(NodeType.class)) {
            register(t);
        }
        return this;
    }

    /** @return the registered node types */
    public synchronized List<NodeType> types() {
        return List.copyOf(types.values());
    }

    /**
     * A node type by name.
     *
     * @param type the type name
     * @return the type, empty if unknown (or the root type)
     */
    public synchronized Optional<NodeType> type(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** @return the directory holding the nodes' Things */
    public ThingDirectory directory() {
        return directory;
    }

    /** @return the root node's id */
    public String rootId() {
        return rootId;
    }

    /**
     * Listens to changes.
     *
     * @param listener called for each change, in order, while the tree is locked: it must return quickly
     */
    public void addListener(Consumer<TreeEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Stops a listener.
     *
     * @param listener a listener added before
     * @return true if it was listening
     */
    public boolean removeListener(Consumer<TreeEvent> listener) {
        return listeners.remove(listener);
    }

    /**
     * A node.
     *
     * @param nodeId the id
     * @return the node, empty if none
     */
    public synchronized Optional<TreeNode> get(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /**
     * The Thing of a node.
     *
     * @param nodeId the id
     * @return the Thing, empty for the root or an unknown node
     */
    public synchronized Optional<Thing> thing(String nodeId) {
        return Optional.ofNullable(things.get(nodeId));
    }

    /** @return the root nodes (the single root) */
    public synchronized List<TreeNode> roots() {
        return List.of(nodes.get(rootId));
    }

    /**
     * The children of a node, in order.
     *
     * @param nodeId the parent
     * @return the children, empty if none or unknown
     */
    public synchronized List<TreeNode> children(String nodeId) {
        List<TreeNode> out = new ArrayList<>();
        for (String c : children.getOrDefault(nodeId, List.of())) {
            out.add(nodes.get(c));
        }
        return out;
    }

    /** @return every node in tree order (depth first, root first) */
    public synchronized List<TreeNode> all() {
        List<TreeNode> out = new ArrayList<>(nodes.size());
        collect(rootId, out);
        return out;
    }

    private void collect(String id, List<TreeNode> out) {
        out.add(nodes.get(id));
        for (String c : children.getOrDefault(id, List.of())) {
            collect(c, out);
        }
    }

    /**
     * A node and its ancestors up to the root (XEP-0326 §3.7 "Get Node Ancestors").
     *
     * @param nodeId the node
     * @return the node first, the root last; empty if unknown
     */
    public synchronized List<TreeNode> ancestors(String nodeId) {
        List<TreeNode> out = new ArrayList<>();
        for (TreeNode n = nodes.get(nodeId); n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
            out.add(n);
        }
        return out;
    }

    /** @return the number of nodes, root included */
    public synchronized int size() {
        return nodes.size();
    }

    /**
     * Creates a node: builds its Thing with the type's factory and publishes it. Blocks while the type sets the
     * device up; never call it on Smack's threads.
     *
     * @param parentId      the parent node
     * @param type          the node type
     * @param nodeId        the new node's id
     * @param configuration the validated configuration
     * @return the new node
     * @throws IllegalArgumentException if the parent or type is unknown, the id is taken, or the parent refuses the type
     * @throws Exception                if the type's factory fails
     */
    public synchronized TreeNode add(String parentId, String type, String nodeId, Map<String, Value> configuration)
            throws Exception {
        TreeNode parent = nodes.get(parentId);
        NodeType t = types.get(type);
        if (parent == null || t == null) {
            throw new IllegalArgumentException(
                    parent == null ? "no parent node " + parentId : "unknown node type " + type);
        }
        if (nodes.containsKey(nodeId)) {
            throw new IllegalArgumentException("a node with id " + nodeId + " exists");
        }
        if (!canHaveChild(parent, t)) {
            throw new IllegalArgumentException(type + " cannot be created under " + parentId);
        }
        TreeNode node = new TreeNode(nodeId, type, parentId, configuration, NodeState.NONE, List.of(), now());
        Thing thing = t.create(node.ref(), node.configuration());
        directory.add(thing);
        things.put(nodeId, thing);
        nodes.put(nodeId, node);
        children.put(nodeId, new ArrayList<>());
        List<String> siblings = children.get(parentId);
        String after = siblings.isEmpty() ? null : siblings.get(siblings.size() - 1);
        siblings.add(nodeId);
        fire(new TreeEvent(Kind.NODE_ADDED, node, after, null));
        return node;
    }

    /**
     * Whether a node of a type may be created under a parent (XEP-0326 §3.11 "Get Addable Node Types").
     *
     * @param parent the parent
     * @param type   the type
     * @return true if allowed
     */
    public synchronized boolean canHaveChild(TreeNode parent, NodeType type) {
        boolean parentOk = ROOT_TYPE.equals(parent.type())
                || Optional.ofNullable(types.get(parent.type()))
                        .map(NodeType::canHaveChildren)
                        .orElse(false);
        return parentOk && type.canBeChildOf(parent.type());
    }

    /**
     * Changes a node's configuration and possibly its id; the Thing is rebuilt (XEP-0326 §3.9).
     *
     * @param nodeId        the node
     * @param newId         the new id (equal to {@code nodeId} if not renamed)
     * @param configuration the complete validated configuration
     * @return the updated node
     * @throws IllegalArgumentException if the node is unknown, is the root, or the new id is taken
     * @throws Exception                if the type's factory fails (the node then keeps its old configuration, its
     *                                  device rebuilt from it; if that fails too, that failure is thrown)
     */
    public synchronized TreeNode reconfigure(String nodeId, String newId, Map<String, Value> configuration)
            throws Exception {
        TreeNode old = nodes.get(nodeId);
        if (old == null || ROOT_TYPE.equals(old.type())) {
            throw new IllegalArgumentException("no configurable node " + nodeId);
        }
        if (!newId.equals(nodeId) && nodes.containsKey(newId)) {
            throw new IllegalArgumentException("a node with id " + newId + " exists");
        }
        NodeType t = types.get(old.type());
        TreeNode updated = old.withConfiguration(newId, configuration, now());
        // The old device is released first: the new one may need the same pin or bus address.
        Thing previous = things.remove(nodeId);
        directory.remove(old.ref());
        if (previous != null) {
            t.close(previous);
        }
        Thing thing;
        try {
            thing = t.create(updated.ref(), updated.configuration());
        } catch (Exception e) {
            Thing restored;
            try {
                restored = t.create(old.ref(), old.configuration());
            } catch (Exception again) {
                again.addSuppressed(e);
                throw again;
            }
            directory.add(restored);
            things.put(nodeId, restored);
            throw e;
        }
        directory.add(thing);
        things.put(newId, thing);
        nodes.remove(nodeId);
        nodes.put(newId, updated);
        if (!newId.equals(nodeId)) {
            List<String> kids = children.remove(nodeId);
            children.put(newId, kids);
            for (String k : kids) {
                nodes.put(k, nodes.get(k).withParent(newId));
            }
            List<String> siblings = children.get(old.parentId());
            siblings.set(siblings.indexOf(nodeId), newId);
        }
        fire(new TreeEvent(Kind.NODE_UPDATED, updated, null, newId.equals(nodeId) ? null : nodeId));
        return updated;
    }

    /**
     * Destroys a node and, first, its descendants (XEP-0326 §3.11 "Destroy Node").
     *
     * @param nodeId the node
     * @return false if unknown or the root
     */
    public synchronized boolean remove(String nodeId) {
        TreeNode node = nodes.get(nodeId);
        if (node == null || ROOT_TYPE.equals(node.type())) {
            return false;
        }
        for (String c : List.copyOf(children.get(nodeId))) {
            remove(c);
        }
        children.remove(nodeId);
        children.get(node.parentId()).remove(nodeId);
        nodes.remove(nodeId);
        Thing thing = things.remove(nodeId);
        directory.remove(node.ref());
        if (thing != null) {
            types.get(node.type()).close(thing);
        }
        fire(new TreeEvent(Kind.NODE_REMOVED, node, null, null));
        return true;
    }

    /**
     * Moves a node one place up or down among its siblings (XEP-0326 §3.7 "Move Node Up/Down"); a node already
     * first (last) stays and no event is sent (CHECKLIST 326-7, 326-8).
     *
     * @param nodeId the node
     * @param up     true to move up
     * @return false if the node is unknown (an unmoved first/last node returns true)
     */
    public synchronized boolean move(String nodeId, boolean up) {
        TreeNode node = nodes.get(nodeId);
        if (node == null) {
            return false;
        }
        if (node.parentId() == null) {
            return true;
        }
        List<String> siblings = children.get(node.parentId());
        int i = siblings.indexOf(nodeId);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= siblings.size()) {
            return true;
        }
        siblings.set(i, siblings.get(j));
        siblings.set(j, nodeId);
        fire(new TreeEvent(up ? Kind.NODE_MOVED_UP : Kind.NODE_MOVED_DOWN, node, null, null));
        return true;
    }

    /**
     * Sets the state and messages of a node (XEP-0326 {@code nodeStatusChanged}).
     *
     * @param nodeId   the node
     * @param state    the new state
     * @param messages the node's messages
     * @return false if the node is unknown
     */
    public synchronized boolean setState(String nodeId, NodeState state, List<NodeMessage> messages) {
        TreeNode node = nodes.get(nodeId);
        if (node == null) {
            return false;
        }
        TreeNode updated = node.withState(state, messages, now());
        nodes.put(nodeId, updated);
        fire(new TreeEvent(Kind.NODE_STATUS_CHANGED, updated, null, null));
        return true;
    }

    private void fire(TreeEvent e) {
        for (Consumer<TreeEvent> l : listeners) {
            l.accept(e);
        }
    }

    private DateTimeValue now() {
        return DateTimeValue.of(clock.instant());
    }
}
