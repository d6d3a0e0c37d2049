package io.github.xmppiot.examples;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.FileReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * A minimal sensor: a thermometer that friends can read (XEP-0323).
 *
 * <pre>
 * java -cp xmpp-iot.jar io.github.xmppiot.examples.MinimalSensor sensor.properties
 * </pre>
 *
 * with {@code sensor.properties} holding {@code xmpp.jid=...} and {@code xmpp.password=...} (see
 * {@link io.github.xmppiot.core.connection.ConnectionProperties} for the other keys).
 */
public final class MinimalSensor {

    private MinimalSensor() {}

    /**
     * Serves the thermometer on a connection: the part to copy into a device.
     *
     * @param connection a logged-in connection
     * @return the Thing being served
     */
    public static Thing serve(XMPPConnection connection) {
        Thing thermometer = Thing.builder("Thermometer")
                .meta("MODEL", "MinimalSensor")
                .sensor(Sensor.of("Temperature", () -> NumericValue.of(readCelsius(), "°C")))
                .build();
        SensorDataServer.getInstanceFor(connection).update(b -> b.things(ThingDirectory.of(thermometer)));
        return thermometer;
    }

    /** Stands in for the hardware: a real device reads its sensor here. */
    private static BigDecimal readCelsius() {
        double t = 21 + Math.sin(System.currentTimeMillis() / 60_000.0);
        return BigDecimal.valueOf(t).setScale(1, RoundingMode.HALF_EVEN);
    }

    /**
     * Connects, serves and waits for Ctrl-C.
     *
     * @param args the connection properties file
     * @throws Exception if connecting fails
     */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (FileReader r = new FileReader(args[0], java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        }
        XMPPTCPConnection connection = IotConnection.connect(IotConnectionConfig.fromProperties(p));
        serve(connection);
        System.out.println("Thermometer online as " + connection.getUser() + "; friends can read it");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connection.disconnect();
            stop.countDown();
        }));
        stop.await();
    }
}
