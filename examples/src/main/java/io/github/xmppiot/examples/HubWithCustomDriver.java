package io.github.xmppiot.examples;

import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.NodeType;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.io.FileReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * A hub (XEP-0326) with a custom node type: fans with a Speed control (%) and an Rpm reading; add more by add-node.
 * The SDK's {@link Hub} serves them and keeps them in a JSON file.
 */
public final class HubWithCustomDriver {
    private HubWithCustomDriver() {}

    /** The custom driver: one node type, declared once, from which the concentrator builds its forms. */
    public static final class FanType implements NodeType {
        @Override
        public String type() {
            return "Fan";
        }

        @Override
        public String name() {
            return "PWM fan";
        }

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
                    .sensor(Sensor.of(
                            "Rpm", () -> NumericValue.of(BigDecimal.valueOf(maxRpm * speed.get() / 100), "rpm")))
                    .parameter(ControlParameter.builder("Speed", ValueType.INT)
                            .range(new IntValue(0), new IntValue(100))
                            .current(() -> new IntValue(speed.get()))
                            .onSet(v -> speed.set(((IntValue) v).value()))
                            .build())
                    .build();
        }
    }

    /**
     * Serves a hub with the fans of a JSON file (created with Fan1 if missing); friends may use it.
     *
     * @param connection a logged-in connection
     * @param config     the hub's JSON configuration, kept in sync with the fans clients add or remove
     * @return the started hub
     * @throws Exception if the file is invalid or a fan cannot be created
     */
    public static Hub serve(XMPPConnection connection, Path config) throws Exception {
        Hub hub = Hub.builder()
                .config(config)
                .connection(connection)
                .nodeType(new FanType())
                .build()
                .start();
        if (hub.tree().get("Fan1").isEmpty()) {
            hub.tree().add(hub.tree().rootId(), "Fan", "Fan1", Map.of("maxRpm", new IntValue(1800)));
        }
        return hub;
    }

    /**
     * Connects with a properties file (as {@link MinimalSensor}), serves the hub and waits for Ctrl-C.
     *
     * @param args the connection properties file, and the hub's JSON file (default {@code fans.json})
     * @throws Exception if connecting fails
     */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (FileReader r = new FileReader(args[0], StandardCharsets.UTF_8)) {
            p.load(r);
        }
        XMPPTCPConnection connection = IotConnection.connect(IotConnectionConfig.fromProperties(p));
        serve(connection, Path.of(args.length > 1 ? args[1] : "fans.json"));
        System.out.println("Hub with fans online as " + connection.getUser() + "; Ctrl-C stops it");
        Runtime.getRuntime().addShutdownHook(new Thread(connection::disconnect));
        new CountDownLatch(1).await();
    }
}
