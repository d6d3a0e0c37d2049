package io.github.xmppiot.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * Keeps the first code example of README.md compiling and true: the README block must be exactly the two marked
 * regions below (in order), and the configuration it builds is checked here. The connect call itself needs a real
 * server; it is compiled here and run against Prosody by the iot-testkit integration tests.
 */
class ReadmeExampleTest {

    static IotConnectionConfig exampleConfig(String password) {
        // README-BEGIN
        IotConnectionConfig config = IotConnection.builder()
                .jid("thermometer-7@iot.example.org") // the device's own account
                .password(password)
                .build(); // TLS + certificate check, SCRAM only, TCP_NODELAY, 10 s reply timeout
        // README-END
        return config;
    }

    static XMPPTCPConnection exampleConnect(IotConnectionConfig config) throws Exception {
        // README-BEGIN
        XMPPTCPConnection connection = IotConnection.connect(config); // server located by DNS, logged in
        // README-END
        return connection;
    }

    @Test
    void readmeShowsExactlyTheCompiledExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "github", "xmppiot", "core", "ReadmeExampleTest.java"));
        assertThat(readme).contains("```java\n" + markedRegions(source) + "```\n");
    }

    @Test
    void exampleConfigurationIsSecureByDefault() {
        IotConnectionConfig config = exampleConfig("secret");
        assertThat(config.jid().toString()).isEqualTo("thermometer-7@iot.example.org");
        assertThat(config.tls()).isTrue();
        assertThat(config.saslMechanisms()).containsExactly("SCRAM-SHA-1");
        assertThat(config.host()).isEmpty();
        assertThat(config.toSmackConfiguration().getSecurityMode()).isEqualTo(SecurityMode.required);
    }

    private static String markedRegions(String source) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.strip().equals("// README-BEGIN")) {
                inside = true;
            } else if (line.strip().equals("// README-END")) {
                inside = false;
            } else if (inside) {
                lines.add(line.substring(
                        Math.min(8, line.length() - line.stripLeading().length())));
            }
        }
        assertThat(lines).as("README regions in the test source").isNotEmpty();
        return String.join("\n", lines) + "\n";
    }
}
