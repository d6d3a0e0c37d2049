package io.github.xmppiot.examples;

import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * A minimal actuator: a lamp that friends can switch (XEP-0325) and whose state they can read (XEP-0323).
 *
 * <pre>
 * java -cp xmpp-iot.jar io.github.xmppiot.examples.MinimalActuator lamp.properties
 * </pre>
 */
public final class MinimalActuator {

    private MinimalActuator() {}

    /**
     * Serves the lamp on a connection: the part to copy into a device.
     *
     * @param connection a logged-in connection
     * @param lamp       the lamp's state; a real device drives a GPIO pin in {@code onSet}
     * @return the Thing being served
     */
    public static Thing serve(XMPPConnection connection, AtomicBoolean lamp) {
        Thing thing = Thing.builder("Lamp")
                .parameter(ControlParameter.builder("On", ValueType.BOOLEAN)
                        .label("Lamp on")
                        .current(() -> BooleanValue.of(lamp.get()))
                        .onSet(v -> {
                            lamp.set(((BooleanValue) v).value());
                            System.out.println("lamp " + (lamp.get() ? "on" : "off"));
                        })
                        .build())
                .build();
        ThingDirectory things = ThingDirectory.of(thing);
        ControlServer.getInstanceFor(connection).update(s -> s.things(things));
        SensorDataServer.getInstanceFor(connection).update(b -> b.things(things));
        return thing;
    }

    /**
     * Connects, serves and waits for Ctrl-C.
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
        serve(connection, new AtomicBoolean());
        System.out.println("Lamp online as " + connection.getUser() + "; friends can switch it");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connection.disconnect();
            stop.countDown();
        }));
        stop.await();
    }
}
