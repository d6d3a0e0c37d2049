package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's "a sensor and a client" example against Prosody and keeps the README text identical to the
 * marked region below.
 */
@ProsodyTest
class ReadmeExampleIT {

    static String example(XMPPTCPConnection device, XMPPTCPConnection client) throws Exception {
        // README-BEGIN
        Thing thermometer = Thing.builder("Device01")
                .meta("CLASS", "Thermometer")
                .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.5", "°C")))
                .build();
        SensorDataServer.getInstanceFor(device).update(b -> b.things(ThingDirectory.of(thermometer)));

        // on the client's side (it must be a friend of the device: an approved presence subscription)
        Readout readout = SensorDataClient.getInstanceFor(client)
                .read(device.getUser(), ReadoutRequest.builder().momentary().build())
                .get(10, TimeUnit.SECONDS);
        String temperature =
                readout.field("Temperature").orElseThrow().field().value().lexical(); // "21.5"
        // README-END
        return temperature;
    }

    @Test
    void theReadmeExampleReadsTheTemperature(ProsodyServer server) throws Exception {
        XMPPTCPConnection device = server.connect("thermometer");
        XMPPTCPConnection client = server.connect("alice");
        Friendship.establish(device, client, Duration.ofSeconds(10));
        assertThat(example(device, client)).isEqualTo("21.5");
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "github", "xmppiot", "sensordata", "ReadmeExampleIT.java"));
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.strip().equals("// README-BEGIN")) {
                inside = true;
            } else if (line.strip().equals("// README-END")) {
                inside = false;
            } else if (inside) {
                lines.add(line.length() >= 8 ? line.substring(8) : line.strip());
            }
        }
        assertThat(readme).contains("```java\n" + String.join("\n", lines) + "\n```\n");
    }
}
