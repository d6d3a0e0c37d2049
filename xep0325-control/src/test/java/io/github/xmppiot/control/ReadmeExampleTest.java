package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.XMPPConnection;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code blocks of this module's README.md compiling and true: each README block is exactly one marked region
 * below, and what it does is checked here.
 */
class ReadmeExampleTest {

    private final Devices devices = new Devices();

    static ControlServer thingSide(XMPPConnection connection, Thing thing, Thing other, AccessPolicy policy) {
        // README-BEGIN
        ControlServer server = ControlServer.getInstanceFor(connection);
        server.configure(ControlServerSettings.builder()
                .things(ThingDirectory.of(thing)) // iot-core Thing with ControlParameters
                .accessPolicy(policy) // default (or null): friends of the connection; XEP-0324 plugs in here
                .build());
        server.update(s -> s.things(ThingDirectory.of(thing, other))); // change one setting, keep the others
        // README-END
        return server;
    }

    static ControlClient controllerSide(XMPPConnection connection) {
        // README-BEGIN
        ControlClient client = ControlClient.getInstanceFor(connection)
                .update(s -> s.replyTimeout(Duration.ofSeconds(10))); // default: the connection's reply timeout
        // README-END
        return client;
    }

    @Test
    void theReadmeShowsExactlyTheCompiledExamples() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "github", "xmppiot", "control", "ReadmeExampleTest.java"));
        for (String region : regions(source)) {
            assertThat(readme).contains("```java\n" + region);
        }
    }

    @Test
    void theExamplesConfigureWhatTheySay() throws Exception {
        DummyConnection thingConnection = new DummyConnection("readme-thing", "example.org", "res");
        DummyConnection clientConnection = new DummyConnection("readme-client", "example.org", "res");
        AccessPolicy policy = AccessPolicy.allowEveryone();
        ControlServer server = thingSide(thingConnection, devices.dimmer("A"), devices.dimmer("B"), policy);
        ControlClient client = controllerSide(clientConnection);
        try {
            assertThat(server.settings().things().all())
                    .extracting(t -> t.node().nodeId())
                    .containsExactly("A", "B");
            assertThat(server.accessPolicy()).isSameAs(policy);
            assertThat(client.settings().replyTimeout()).contains(Duration.ofSeconds(10));
        } finally {
            server.close();
            client.close();
        }
    }

    private static List<String> regions(String source) {
        List<String> regions = new ArrayList<>();
        StringBuilder current = null;
        for (String line : source.split("\n")) {
            if (line.strip().equals("// README-BEGIN")) {
                current = new StringBuilder();
            } else if (line.strip().equals("// README-END")) {
                regions.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line.substring(Math.min(line.length(), 8))).append('\n');
            }
        }
        assertThat(regions).as("README regions in the test source").hasSize(2);
        return regions;
    }
}
