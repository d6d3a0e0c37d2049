package io.github.xmppiot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.ConcentratorClient;
import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.examples.hub.NodeForms;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copyable examples, run against Prosody. */
@ProsodyTest
class ExamplesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static Path properties(ProsodyServer server, String user, Path dir) throws Exception {
        server.ensureAccount(user);
        String text = "xmpp.jid=" + server.jid(user) + "\nxmpp.password=" + server.password(user)
                + "\nxmpp.host=" + ProsodyServer.HOST + "\nxmpp.port=" + server.port() + "\n"
                + server.certificate()
                        .map(c -> "xmpp.trustCert=" + c.toString().replace("\\", "/") + "\n")
                        .orElse("xmpp.tls=false\n");
        return Files.writeString(dir.resolve(user + ".properties"), text, StandardCharsets.UTF_8);
    }

    @Test
    void clientReadsTheSensorAndSwitchesTheLamp(ProsodyServer server, @TempDir Path dir) throws Exception {
        XMPPTCPConnection sensor = server.connect("sensor");
        XMPPTCPConnection lamp = server.connect("lamp");
        XMPPTCPConnection client = server.connect("client", "friendship");
        MinimalSensor.serve(sensor);
        AtomicBoolean on = new AtomicBoolean();
        MinimalActuator.serve(lamp, on);
        Friendship.establish(sensor, client, TIMEOUT);
        Friendship.establish(lamp, client, TIMEOUT);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ReadAndControl.readAndSwitch(
                client, sensor.getUser(), lamp.getUser(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("Temperature = \\d+\\.\\d")
                .contains("lamp switched on");
        assertThat(on).isTrue();

        on.set(false);
        ReadAndControl.main(new String[] {
            properties(server, "client", dir).toString(),
            sensor.getUser().toString(),
            lamp.getUser().toString()
        });
        assertThat(on).as("switched on by the program").isTrue();
    }

    @Test
    void hubServesFansAndClientsAddMore(ProsodyServer server, @TempDir Path dir) throws Exception {
        XMPPTCPConnection hub = server.connect("hub");
        XMPPTCPConnection client = server.connect("operator");
        Path config = dir.resolve("fans.json");
        Hub started = HubWithCustomDriver.serve(hub, config);
        NodeTree tree = started.tree();
        Friendship.establish(hub, client, TIMEOUT);
        ConcentratorClient concentrator = ConcentratorClient.getInstanceFor(client);
        NodeRef root = NodeRef.of("Hub", NodeTree.SOURCE_ID);
        DataForm form =
                concentrator.getParametersForNewNode(hub.getUser(), root, "Fan").get(20, TimeUnit.SECONDS);
        concentrator
                .createNewNode(hub.getUser(), root, "Fan", NodeForms.fill(form, "Fan2", Map.of("maxRpm", "2400")))
                .get(20, TimeUnit.SECONDS);
        assertThat(tree.get("Fan2")).isPresent();
        assertThat(Files.readString(config, StandardCharsets.UTF_8))
                .contains("\"Fan1\"", "\"Fan2\"", "\"maxRpm\": 2400");

        ControlClient.getInstanceFor(client)
                .set(
                        hub.getUser(),
                        ControlRequest.builder().node("Fan2").set("Speed", 50).build())
                .get(20, TimeUnit.SECONDS);
        Readout readout = SensorDataClient.getInstanceFor(client)
                .read(
                        hub.getUser(),
                        ReadoutRequest.builder()
                                .momentary()
                                .nodes("Fan2")
                                .fields("Rpm")
                                .build())
                .get(20, TimeUnit.SECONDS);
        assertThat(readout.field("Rpm").orElseThrow().field().value().lexical()).isEqualTo("1200");
        started.close();
    }
}
