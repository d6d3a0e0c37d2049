package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.concentrator.NodeCommandSpec;
import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.hal.driver.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one adapter from HAL drivers to XEP-0326 node types (§3.11 "Creating Nodes", §3.9 "Node Parameters"): the
 * driver's {@link ParameterSpec}s become the node type's {@link NodeParameterSpec}s — integer ranges become XEP-0122
 * range validations, integer choices list-single options, booleans boolean fields, and string patterns a check that
 * answers {@code FormError} — and {@link #create} opens the driver through its {@link DriverNode}.
 *
 * @since 0.1.0
 */
public final class DriverNodeType implements NodeType {

    private static final NodeCommandSpec VALUES = ValuesQuery.spec(java.time.Clock.systemUTC());

    private static final Logger LOG = Logger.getLogger(DriverNodeType.class.getName());

    private final DriverNode driver;
    private final HubHardware hardware;
    private final List<NodeParameterSpec> parameters;
    private final Map<Thing, List<AutoCloseable>> open = new ConcurrentHashMap<>();

    /**
     * Creates the node type of a driver.
     *
     * @param driver   the driver's node factory
     * @param hardware where its devices are opened
     */
    public DriverNodeType(DriverNode driver, HubHardware hardware) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        List<NodeParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec p : driver.info().parameters()) {
            specs.add(toNodeParameter(p));
        }
        this.parameters = List.copyOf(specs);
    }

    /**
     * The node parameter declaring a driver parameter.
     *
     * @param p the driver parameter
     * @return the equivalent XEP-0326 node parameter
     */
    public static NodeParameterSpec toNodeParameter(ParameterSpec p) {
        ValueType type = switch (p.type()) {
            case INT -> ValueType.INT;
            case BOOLEAN -> ValueType.BOOLEAN;
            case STRING -> ValueType.STRING;
        };
        Value def = p.defaultValue().map(DriverNodeType::toValue).orElse(null);
        Value min = p.min().isPresent() ? new IntValue(p.min().getAsInt()) : null;
        Value max = p.max().isPresent() ? new IntValue(p.max().getAsInt()) : null;
        List<String> options = p.choices().stream().map(String::valueOf).toList();
        String description =
                p.pattern().map(r -> p.description() + " (pattern " + r + ")").orElse(p.description());
        String label = Character.toUpperCase(p.description().charAt(0))
                + p.description().substring(1) + ":";
        return new NodeParameterSpec(p.name(), label, type, p.required(), def, min, max, options, false, description);
    }

    private static Value toValue(Object o) {
        if (o instanceof Integer i) {
            return new IntValue(i);
        }
        if (o instanceof Boolean b) {
            return BooleanValue.of(b);
        }
        return new StringValue(String.valueOf(o));
    }

    /** @return the driver behind this type */
    public DriverNode driver() {
        return driver;
    }

    @Override
    public String type() {
        return driver.info().type();
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public List<NodeParameterSpec> parameters() {
        return parameters;
    }

    /**
     * Checks every given value with the driver's own {@link ParameterSpec#parse} (patterns included), so a form the
     * driver would refuse answers {@code FormError} and creates nothing (XEP-0326 §3.11).
     */
    @Override
    public Map<String, String> check(Map<String, Value> configuration) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ParameterSpec p : driver.info().parameters()) {
            Value v = configuration.get(p.name());
            if (v == null) {
                if (p.required()) {
                    errors.put(p.name(), "A value is required.");
                }
                continue;
            }
            try {
                p.parse(v.lexical());
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                errors.put(
                        p.name(),
                        m.startsWith(p.name() + ": ") ? m.substring(p.name().length() + 2) : m);
            }
        }
        return errors;
    }

    /**
     * The textual driver configuration of a node configuration.
     *
     * @param configuration the node configuration
     * @return the lexical values of the driver's parameters that have a value
     */
    public Map<String, String> lexical(Map<String, Value> configuration) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParameterSpec p : driver.info().parameters()) {
            Value v = configuration.get(p.name());
            if (v != null) {
                out.put(p.name(), v.lexical());
            }
        }
        return out;
    }

    @Override
    public Thing create(NodeRef node, Map<String, Value> configuration) throws Exception {
        DriverNode.Device device = driver.open(hardware, node, lexical(configuration));
        open.put(device.thing(), device.resources());
        return device.thing();
    }

    @Override
    public void close(Thing thing) {
        List<AutoCloseable> resources = open.remove(thing);
        if (resources == null) {
            return;
        }
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(
                        Level.WARNING,
                        "closing a device of node " + thing.node().nodeId() + " failed",
                        e);
            }
        }
    }

    /**
     * The commands of a driver node: the {@code values} query, which reports the node's momentary values as a table
     * (XEP-0326 §3.12 "Execute Node Query").
     *
     * @return the commands
     */
    @Override
    public List<NodeCommandSpec> commands() {
        return List.of(VALUES);
    }

    /** @return the number of devices currently open through this type */
    public int openDevices() {
        return open.size();
    }
}
