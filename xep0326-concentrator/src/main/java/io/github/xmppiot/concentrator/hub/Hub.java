package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.TreeEvent;
import io.github.xmppiot.concentrator.TreeNode;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.hal.Hal;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;

/**
 * A concentrator for real devices (XEP-0326): its nodes are HAL drivers ({@link DriverNodeType}), its configuration is
 * a human-editable JSON file ({@link HubConfig}), and one {@link ThingDirectory} is served over XEP-0326 (the node
 * tree, §3), XEP-0323 (read-outs, {@link SensorDataServer}) and XEP-0325 (control, {@link ControlServer}).
 *
 * <pre>{@code
 * Hub hub = Hub.builder().config(Path.of("hub.json")).connection(connection).build().start();
 * }</pre>
 *
 * <p>At {@link #start()} the hub reads the file (creating an empty one on the {@code mock} backend if there is none),
 * opens the HAL and builds every node; an invalid file or a device that cannot be opened stops the start with an
 * exception naming the node. Afterwards every node a client creates, edits, moves or destroys (XEP-0326 §3.7, §3.9,
 * §3.11) is written back to the file before the client gets its answer, atomically (temporary file, fsync, atomic
 * rename), so a power cut leaves the old or the new file, never a torn one.
 *
 * <p>Threads: blocking device reads and the XEP-0326 requests run on a lease of the builder's
 * {@linkplain Builder#executors executors} ({@link IotExecutors#shared()} by default), given back by {@link #close()}.
 *
 * @since 0.1.0
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Hub.class.getName());

    private final Path file;
    private final XMPPConnection connection;
    private final List<DriverNode> drivers;
    private final List<NodeType> extraTypes;
    private final AccessPolicy accessPolicy;
    private final HalContext givenHal;
    private final Clock clock;
    private final IotExecutors executors;
    private final Object writeLock = new Object();
    private HubConfig config;
    private HalContext hal;
    private IotExecutors.Lease lease;
    private NodeTree tree;
    private ConcentratorServer server;
    private boolean closed;
    private volatile boolean running;
    private volatile IOException lastWriteFailure;

    private Hub(Builder b) {
        this.file = Objects.requireNonNull(b.file, "config file");
        this.connection = b.connection;
        this.drivers = List.copyOf(b.drivers);
        this.extraTypes = List.copyOf(b.types);
        this.accessPolicy = b.accessPolicy;
        this.givenHal = b.hal;
        this.clock = b.clock;
        this.executors = b.executors;
    }

    /** @return a builder with the {@linkplain BuiltInDriverNodes built-in drivers} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration, opens the HAL, builds the nodes and starts serving them. To be available only when
     * ready, log the connection in with its presence withheld ({@link io.github.xmppiot.core.connection.Readiness})
     * and announce it after this method returns: clients reacting to the first presence then find every XEP-0326
     * handler in place.
     *
     * @return this hub
     * @throws IOException              if the file cannot be read or created
     * @throws IllegalArgumentException if the file is invalid, names an unknown type, or a node cannot be built; the
     *                                  message names the node and parameter
     * @throws Exception                if the HAL cannot be opened
     * @throws IllegalStateException    if already started or closed (build a new hub), or if the connection's
     *                                  {@link ConcentratorServer} already serves a tree (close it first)
     */
    public synchronized Hub start() throws Exception {
        if (tree != null || closed) {
            throw new IllegalStateException("hub already started; build a new Hub to start again");
        }
        if (connection != null
                && ConcentratorServer.getInstanceFor(connection).settings().tree() != null) {
            throw new IllegalStateException(
                    "the connection's ConcentratorServer already serves a node tree; close it (or the hub serving it)"
                            + " first");
        }
        if (!Files.exists(file)) {
            HubConfig.empty("Hub", MockHal.ID).write(file);
        }
        config = HubConfig.read(file);
        hal = givenHal != null ? givenHal : Hal.open(config.halConfig());
        lease = executors.acquire();
        HubHardware hardware = new HubHardware(hal, lease.work());
        NodeTree t = new NodeTree(config.rootId(), new ThingDirectory(), clock);
        drivers.forEach(d -> t.register(new DriverNodeType(d, hardware)));
        extraTypes.forEach(t::register);
        try {
            load(t);
        } catch (Exception e) {
            closeDevices(t);
            shutdownHardware();
            throw e;
        }
        tree = t;
        running = true;
        t.addListener(this::onChange);
        if (connection != null) {
            ThingDirectory directory = t.directory();
            server = ConcentratorServer.getInstanceFor(connection)
                    .update(s -> s.tree(t).accessPolicy(policy()).executors(executors));
            SensorDataServer.getInstanceFor(connection)
                    .update(b -> b.things(directory).accessPolicy(policy()).executors(executors));
            ControlServer.getInstanceFor(connection)
                    .update(s -> s.things(directory).accessPolicy(policy()).executors(executors));
        }
        return this;
    }

    private AccessPolicy policy() {
        return accessPolicy != null ? accessPolicy : AccessPolicy.friends(connection);
    }

    private void load(NodeTree t) throws Exception {
        for (int i = 0; i < config.nodes().size(); i++) {
            HubConfig.Node n = config.nodes().get(i);
            String where = file.getFileName() + ": nodes[" + i + "] (" + n.id() + ")";
            NodeType type = t.type(n.type())
                    .orElseThrow(
                            () -> new IllegalArgumentException(where + ": unknown node type " + n.type() + "; known: "
                                    + t.types().stream().map(NodeType::type).toList()));
            Map<String, Value> values = new LinkedHashMap<>();
            Map<String, String> rest = new LinkedHashMap<>(n.parameters());
            List<String> errors = new ArrayList<>();
            for (NodeParameterSpec s : type.parameters()) {
                NodeParameterSpec.Result r = s.check(rest.remove(s.id()));
                r.errorMessage().ifPresent(m -> errors.add(s.id() + ": " + m));
                if (r.value() != null) {
                    values.put(s.id(), r.value());
                }
            }
            rest.keySet().forEach(k -> errors.add(k + ": not a parameter of " + n.type()));
            if (errors.isEmpty()) {
                type.check(values).forEach((k, m) -> errors.add(k + ": " + m));
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + String.join("; ", errors));
            }
            try {
                t.add(n.parent() == null ? t.rootId() : n.parent(), n.type(), n.id(), values);
            } catch (Exception e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
    }

    private void onChange(TreeEvent e) {
        if (!running || e.kind() == NodeEvent.Kind.NODE_STATUS_CHANGED) {
            return;
        }
        save();
    }

    /** Writes the current nodes to the file; called with the tree locked, so snapshots are in change order. */
    private void save() {
        synchronized (writeLock) {
            List<HubConfig.Node> nodes = new ArrayList<>();
            for (TreeNode n : tree.all()) {
                if (n.parentId() == null) {
                    continue;
                }
                Map<String, String> params = new LinkedHashMap<>();
                n.configuration().forEach((k, v) -> params.put(k, v.lexical()));
                nodes.add(new HubConfig.Node(
                        n.nodeId(), n.type(), n.parentId().equals(tree.rootId()) ? null : n.parentId(), params));
            }
            HubConfig updated = config.withNodes(nodes);
            try {
                updated.write(file);
                config = updated;
                lastWriteFailure = null;
            } catch (IOException ex) {
                lastWriteFailure = ex;
                LOG.log(Level.SEVERE, "could not save the hub configuration to " + file, ex);
            }
        }
    }

    /** @return the node tree, served over XEP-0326 */
    public synchronized NodeTree tree() {
        if (tree == null) {
            throw new IllegalStateException("hub not started");
        }
        return tree;
    }

    /** @return the open HAL context */
    public synchronized HalContext hal() {
        if (hal == null) {
            throw new IllegalStateException("hub not started");
        }
        return hal;
    }

    /** @return the simulated board when the backend is {@code mock}, for demos and tests */
    public Optional<MockHal> mockHal() {
        return hal().unwrap(MockHal.class);
    }

    /** @return the configuration file */
    public Path configFile() {
        return file;
    }

    /** @return the configuration as last read or written */
    public HubConfig config() {
        synchronized (writeLock) {
            return config;
        }
    }

    /** @return the failure of the last write of the file, empty if it succeeded */
    public Optional<IOException> lastWriteFailure() {
        return Optional.ofNullable(lastWriteFailure);
    }

    /**
     * Stops serving: closes the connection's {@link ConcentratorServer} (a later {@code getInstanceFor} is fresh) and
     * {@link SensorDataServer}, closes every device and the HAL (unless it was given to the builder) and gives the
     * executor lease back. The file is left as it is; the connection stays open (it belongs to the caller).
     * Idempotent; a closed hub cannot start again.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tree == null) {
            return;
        }
        running = false;
        if (connection != null) {
            server.close();
            SensorDataServer.getInstanceFor(connection).close();
            ControlServer.getInstanceFor(connection).close();
        }
        closeDevices(tree);
        shutdownHardware();
    }

    private static void closeDevices(NodeTree t) {
        for (TreeNode n : t.all()) {
            t.thing(n.nodeId()).ifPresent(thing -> t.type(n.type()).ifPresent(type -> type.close(thing)));
        }
    }

    private void shutdownHardware() {
        if (givenHal == null && hal != null) {
            hal.close();
        }
        if (lease != null) {
            lease.close();
        }
    }

    /** Builder of a {@link Hub}. */
    public static final class Builder {
        private Path file;
        private XMPPConnection connection;
        private final List<DriverNode> drivers = new ArrayList<>(BuiltInDriverNodes.all());
        private final List<NodeType> types = new ArrayList<>();
        private AccessPolicy accessPolicy;
        private HalContext hal;
        private Clock clock = Clock.systemUTC();
        private IotExecutors executors = IotExecutors.shared();

        private Builder() {}

        /**
         * Sets the configuration file (required).
         *
         * @param path the JSON file; created on first start if missing
         * @return this builder
         */
        public Builder config(Path path) {
            this.file = path;
            return this;
        }

        /**
         * Sets the connection to serve on; without one the hub only builds its nodes (for tests and benchmarks).
         *
         * @param c the connection
         * @return this builder
         */
        public Builder connection(XMPPConnection c) {
            this.connection = c;
            return this;
        }

        /**
         * Adds a driver node type.
         *
         * @param driver the driver's node factory
         * @return this builder
         */
        public Builder driver(DriverNode driver) {
            drivers.add(Objects.requireNonNull(driver, "driver"));
            return this;
        }

        /**
         * Adds a node type that is not a HAL driver; its configuration is persisted like a driver's.
         *
         * @param type the node type
         * @return this builder
         */
        public Builder nodeType(NodeType type) {
            types.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Sets who may read (XEP-0323) and control (XEP-0325) the nodes; friends by default.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = policy;
            return this;
        }

        /**
         * Uses an already open HAL context instead of the file's {@code hal} section; the hub does not close it.
         *
         * @param context the open context
         * @return this builder
         */
        public Builder hal(HalContext context) {
            this.hal = context;
            return this;
        }

        /**
         * Sets the clock for the nodes' {@code lastChanged}.
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Sets the threads of the hub's device reads and of its {@link ConcentratorServer}.
         *
         * @param executors the executors; {@link IotExecutors#shared()} by default
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = Objects.requireNonNull(executors, "executors");
            return this;
        }

        /** @return the hub, not started */
        public Hub build() {
            return new Hub(this);
        }
    }
}
