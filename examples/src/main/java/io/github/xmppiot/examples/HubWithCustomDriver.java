package io.github.xmppiot.examples;

import io.github.xmppiot.concentrator.ConcentratorServer;
import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.FileReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** A hub (XEP-0326) with a custom driver: fans with a Speed control (%) and an Rpm reading; add more by add-node. */
public final class HubWithCustomDriver {
    private HubWithCustomDriver() {
    }

    /** The custom driver: one node type, declared once, from which the concentrator builds its forms. */
    public static final class FanType implements NodeType {
        @Override public String type() { return "Fan"; }
        @Override public String name() { return "PWM fan"; }

        @Override
        public List<NodeParameterSpec> parameters() {
            return List.of(NodeParameterSpec.required("maxRpm", "Speed at 100 %", ValueType.INT)
                    .withRange(new IntValue(100), new IntValue(10_000)));
        }

        @Override
        public Thing create(NodeRef node, Map<String, Value> configuration) {
            int maxRpm = ((IntValue) configuration.get("maxRpm")).value();
            AtomicInteger speed = new AtomicInteger();
            return Thing.builder(node)
                    .sensor(Sensor.of("Rpm", () -> NumericValue.of(BigDecimal.valueOf(maxRpm * speed.get() / 100),
                            "rpm")))
                    .parameter(ControlParameter.builder("Speed", ValueType.INT)
                            .range(new IntValue(0), new IntValue(100))
                            .current(() -> new IntValue(speed.get()))
                            .onSet(v -> speed.set(((IntValue) v).value()))
                            .build())
                    .build();
        }
    }

    /**
     * Serves a hub with one fan on a connection; friends may use it (the default policy of each server).
     *
     * @param connection a logged-in connection
     * @return the node tree, to which more fans can be added
     * @throws Exception if the first fan cannot be created
     */
    public static NodeTree serve(XMPPConnection connection) throws Exception {
        ThingDirectory things = new ThingDirectory();
        NodeTree tree = new NodeTree("Hub", things, Clock.systemUTC()).register(new FanType());
        tree.add("Hub", "Fan", "Fan1", Map.of("maxRpm", new IntValue(1800)));
        SensorDataServer.getInstanceFor(connection).setDirectory(things);
        ControlServer.getInstanceFor(connection).setThings(things);
        ConcentratorServer.getInstanceFor(connection).serve(tree);
        return tree;
    }

    /**
     * Connects with a properties file (as {@link MinimalSensor}), serves the hub and waits for Ctrl-C.
     *
     * @param args the connection properties file
     * @throws Exception if connecting fails
     */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (FileReader r = new FileReader(args[0], StandardCharsets.UTF_8)) {
            p.load(r);
        }
        XMPPTCPConnection connection = IotConnection.connect(IotConnectionConfig.fromProperties(p));
        serve(connection);
        System.out.println("Hub with fans online as " + connection.getUser() + "; Ctrl-C stops it");
        Runtime.getRuntime().addShutdownHook(new Thread(connection::disconnect));
        new CountDownLatch(1).await();
    }
}
