package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hub --config FILE}: devices from a file, read and controlled per node, and bad files refused. */
@ProsodyTest
class HubCommandIT {

    @Test
    void servesTheConfiguredDevices(ProsodyServer server, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("hub.properties"), """
                # two simulated devices
                root=House
                node.Kitchen.type=DemoBoard
                node.Kitchen.room=kitchen
                node.Garage.type=DemoBoard
                """);
        List<String> owner = Cli.account(server, "owner");
        try (RunningCommand hub = RunningCommand.start(Cli.args("hub", "--config", config, "--allow",
                server.jid("owner"), Cli.account(server, "hub")))) {
            String hubJid = hub.awaitOutput("online as (\\S+)", 20);
            assertThat(hub.output()).contains("with 2 device(s): Garage, Kitchen");
            Cli.Result nodes = Cli.run(Cli.args("nodes", hubJid, owner));
            assertThat(nodes.exitCode()).as(nodes.err()).isZero();
            assertThat(nodes.out()).containsPattern("House\\s").containsPattern("Kitchen\\s+DemoBoard\\s+House")
                    .containsPattern("Garage\\s+DemoBoard\\s+House");
            Cli.Result set = Cli.run(Cli.args("set", hubJid, "--node", "Garage", "Relay=true", owner));
            assertThat(set.exitCode()).as(set.err()).isZero();
            Cli.Result read = Cli.run(Cli.args("read", hubJid, "--node", "Garage", "--field", "Relay", "--type",
                    "status", owner));
            assertThat(read.out()).containsPattern("Garage\\s+Relay\\s+true").doesNotContain("Kitchen");
            Cli.Result stranger = Cli.run(Cli.args("nodes", hubJid, Cli.account(server, "stranger")));
            assertThat(stranger.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(hub.stop()).isZero();
        }
    }

    @Test
    void badConfigurationsAreOneLineAndExitCode2(ProsodyServer server, @TempDir Path dir) throws Exception {
        List<String> account = Cli.account(server, "hub2");
        Cli.Result missing = Cli.run(Cli.args("hub", "--config", dir.resolve("none.properties"), account));
        assertThat(missing.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(missing.errLines()).singleElement().asString().contains("cannot read --config");
        Path badKey = Files.writeString(dir.resolve("bad.properties"), "nodes.Kitchen.type=DemoBoard\n");
        Cli.Result key = Cli.run(Cli.args("hub", "--config", badKey, account));
        assertThat(key.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(key.errLines()).singleElement().asString().contains("unknown configuration key");
        Path badType = Files.writeString(dir.resolve("type.properties"), "node.Kitchen.type=Toaster\n");
        Cli.Result type = Cli.run(Cli.args("hub", "--config", badType, account));
        assertThat(type.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(type.errLines()).singleElement().asString().contains("unknown node type 'Toaster'");
    }
}
