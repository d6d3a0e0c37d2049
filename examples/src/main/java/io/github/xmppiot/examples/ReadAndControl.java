package io.github.xmppiot.examples;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import java.io.FileReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A client that reads a sensor (XEP-0323) and switches a lamp (XEP-0325), for example {@link MinimalSensor} and
 * {@link MinimalActuator}.
 *
 * <pre>
 * java -cp xmpp-iot.jar io.github.xmppiot.examples.ReadAndControl client.properties SENSOR_JID LAMP_JID
 * </pre>
 *
 * The client must be a friend of both (in their rosters), and give full JIDs unless it sees their presence.
 */
public final class ReadAndControl {

    private ReadAndControl() {}

    /**
     * Reads every momentary value of the sensor and turns the lamp on: the part to copy into an application.
     *
     * @param connection a logged-in connection
     * @param sensor     the sensor
     * @param lamp       the lamp
     * @param out        where the values are printed
     * @throws Exception if a request fails or times out
     */
    public static void readAndSwitch(XMPPConnection connection, Jid sensor, Jid lamp, PrintStream out)
            throws Exception {
        Readout readout = SensorDataClient.getInstanceFor(connection)
                .read(sensor, ReadoutRequest.builder().momentary().build())
                .get(10, TimeUnit.SECONDS);
        for (ReadoutField f : readout.fields()) {
            out.println(f.name() + " = " + f.field().value().lexical());
        }
        ControlClient.getInstanceFor(connection).set(lamp, "On", true).get(10, TimeUnit.SECONDS);
        out.println("lamp switched on");
    }

    /**
     * Connects, reads, controls and disconnects.
     *
     * @param args the connection properties file, the sensor's JID and the lamp's JID
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (FileReader r = new FileReader(args[0], StandardCharsets.UTF_8)) {
            p.load(r);
        }
        XMPPTCPConnection connection = IotConnection.connect(IotConnectionConfig.fromProperties(p));
        try {
            readAndSwitch(connection, JidCreate.from(args[1]), JidCreate.from(args[2]), System.out);
        } finally {
            connection.disconnect();
        }
    }
}
