package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hub --config FILE}: the XEP-0326 hub on a JSON file, read and controlled per node, and bad files refused. */
@ProsodyTest
class HubCommandIT {

    @Test
    void servesTheConfiguredNodesAndSavesNewOnes(ProsodyServer server, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("hub.json"), """
                {
                  "rootId": "House",
                  "hal": { "backend": "mock" },
                  "nodes": [
                    { "id": "Kitchen", "type": "DemoBoard", "parameters": { "room": "kitchen" } },
                    { "id": "Garage",  "type": "relay",     "parameters": { "pin": 17 } }
                  ]
                }
                """);
        List<String> owner = Cli.account(server, "owner");
        try (RunningCommand hub = RunningCommand.start(
                Cli.args("hub", "--config", config, "--allow", server.jid("owner"), Cli.account(server, "hub")))) {
            String hubJid = hub.awaitOutput("online as (\\S+)", 20);
            assertThat(hub.output())
                    .contains("with 2 node(s) from " + config)
                    .containsPattern("Kitchen\\s+DemoBoard\\s+House")
                    .containsPattern("Garage\\s+relay\\s+House");
            Cli.Result nodes = Cli.run(Cli.args("nodes", hubJid, owner));
            assertThat(nodes.exitCode()).as(nodes.err()).isZero();
            assertThat(nodes.out())
                    .containsPattern("House\\s")
                    .containsPattern("Kitchen\\s+DemoBoard\\s+House")
                    .containsPattern("Garage\\s+relay\\s+House");
            Cli.Result set = Cli.run(Cli.args("set", hubJid, "--node", "Garage", "Output=true", owner));
            assertThat(set.exitCode()).as(set.err()).isZero();
            Cli.Result read = Cli.run(Cli.args("read", hubJid, "--node", "Kitchen", "--field", "Temperature", owner));
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).containsPattern("Kitchen\\s+Temperature\\s").doesNotContain("Garage");
            Cli.Result added = Cli.run(Cli.args("add-node", hubJid, "led", "Porch", "pin=22", owner));
            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(Files.readString(config, StandardCharsets.UTF_8))
                    .as("kept in sync")
                    .contains("\"Porch\"", "\"led\"", "\"Kitchen\"");
            Cli.Result stranger = Cli.run(Cli.args("nodes", hubJid, Cli.account(server, "stranger")));
            assertThat(stranger.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(hub.stop()).isZero();
        }
    }

    @Test
    void bareJidNodeTypesFormsAndAddNodeErrorsSayWhatToDo(ProsodyServer server, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("hub.json"), """
                {"rootId": "Hub", "hal": {"backend": "mock"},
                 "nodes": [{"id": "Garage", "type": "relay", "parameters": {"pin": 17}},
                           {"id": "Kitchen", "type": "DemoBoard"}]}
                """);
        List<String> owner = Cli.account(server, "owner4");
        String bare = server.jid("hub4").toString();
        try (RunningCommand hub = RunningCommand.start(
                Cli.args("hub", "--config", config, "--allow", server.jid("owner4"), Cli.account(server, "hub4")))) {
            assertThat(hub.awaitOutput("online as (\\S+)", 20)).isEqualTo(bare + "/hub");
            Cli.Result types = Cli.run(Cli.args("node-types", bare, owner));
            assertThat(types.exitCode()).as(types.err()).isZero();
            assertThat(types.err()).startsWith("node-types: using " + bare + "/hub for " + bare);
            assertThat(types.out())
                    .containsPattern("relay\\s+pin\\s+int 0\\.\\.53\\s+true")
                    .containsPattern("DemoBoard\\s+room\\s")
                    .contains("bme280", "dimmable-led");
            Cli.Result root = Cli.run(Cli.args("form", bare, owner));
            assertThat(root.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(root.errLines())
                    .last()
                    .asString()
                    .contains("give --node NODE")
                    .contains("xmpp-iot nodes " + bare);
            Cli.Result node = Cli.run(Cli.args("form", bare, "--node", "Garage", owner));
            assertThat(node.exitCode()).as(node.err()).isZero();
            assertThat(node.out()).containsPattern("Output\\s+boolean");
            Cli.Result toaster = Cli.run(Cli.args("add-node", bare, "toaster", "T1", owner));
            assertThat(toaster.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(toaster.errLines())
                    .last()
                    .asString()
                    .contains("'toaster'")
                    .contains("unknown node type toaster")
                    .contains("relay")
                    .contains("node-types " + bare);
            Cli.Result pin = Cli.run(Cli.args("add-node", bare, "led", "Porch", "pin=17", owner));
            assertThat(pin.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(pin.errLines()).last().asString().contains("gpio:17").contains("in use by node Garage (pin=17)");
            assertThat(hub.stop()).isZero();
        }
    }

    @Test
    void missingFileIsCreatedEmpty(ProsodyServer server, @TempDir Path dir) throws Exception {
        Path config = dir.resolve("new.json");
        try (RunningCommand hub =
                RunningCommand.start(Cli.args("hub", "--config", config, Cli.account(server, "hub3")))) {
            hub.awaitOutput("online as (\\S+)", 20);
            assertThat(hub.output()).contains("created " + config).contains("with 0 node(s)");
            assertThat(Files.readString(config, StandardCharsets.UTF_8)).contains("\"backend\"", "\"mock\"");
            assertThat(hub.stop()).isZero();
        }
    }

    @Test
    void badConfigurationsAreOneLineAndExitCode2(ProsodyServer server, @TempDir Path dir) throws Exception {
        List<String> account = Cli.account(server, "hub2");
        Cli.Result unreadable = Cli.run(Cli.args("hub", "--config", dir.resolve("no/such/dir/hub.json"), account));
        assertThat(unreadable.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(unreadable.errLines()).singleElement().asString().contains("cannot read --config");
        Path notJson = Files.writeString(dir.resolve("bad.json"), "root=Hub\n");
        Cli.Result json = Cli.run(Cli.args("hub", "--config", notJson, account));
        assertThat(json.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(json.errLines()).singleElement().asString().contains("bad.json");
        Path badType = Files.writeString(
                dir.resolve("type.json"), "{\"nodes\": [{\"id\": \"Kitchen\", \"type\": \"Toaster\"}]}\n");
        Cli.Result type = Cli.run(Cli.args("hub", "--config", badType, account));
        assertThat(type.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(type.errLines())
                .singleElement()
                .asString()
                .contains("unknown node type Toaster")
                .contains("Kitchen");
    }
}
