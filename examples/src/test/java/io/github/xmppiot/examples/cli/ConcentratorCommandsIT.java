package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.hub.Hub;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.examples.device.SimulatedBoardType;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;

/** {@code nodes}, {@code add-node} and {@code remove-node} against a concentrator on Prosody. */
@ProsodyTest
class ConcentratorCommandsIT {

    @TempDir
    Path dir;

    private Hub started;
    private NodeTree tree;
    private String hub;
    private List<String> client;

    @BeforeEach
    void startHub(ProsodyServer server) throws Exception {
        XMPPTCPConnection connection = server.connect("hub");
        EntityBareJid operator = server.jid("operator");
        AccessPolicy onlyOperator = request -> CompletableFuture.completedFuture(
                request.requester().asBareJid().equals(operator) ? AccessDecision.allowAll() : AccessDecision.deny());
        started = Hub.builder()
                .config(dir.resolve("hub.json"))
                .connection(connection)
                .accessPolicy(onlyOperator)
                .nodeType(new SimulatedBoardType())
                .build()
                .start();
        tree = started.tree();
        hub = connection.getUser().toString();
        client = Cli.account(server, "operator");
    }

    @AfterEach
    void stopHub() {
        started.close();
    }

    @Test
    void addsListsAndRemovesNodes() throws Exception {
        Cli.Result added =
                Cli.run(Cli.args("add-node", hub, SimulatedBoardType.TYPE, "Kitchen", "room=kitchen", client));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("added node Kitchen (DemoBoard) under Hub");
        assertThat(tree.get("Kitchen")).isPresent();
        assertThat(Files.readString(started.configFile(), StandardCharsets.UTF_8))
                .contains("\"Kitchen\"", "\"room\": \"kitchen\"");

        Cli.Result table = Cli.run(Cli.args("nodes", hub, client));
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).first().asString().startsWith("node").contains("type", "controllable");
        assertThat(table.out()).containsPattern("Kitchen\\s+DemoBoard\\s+Hub\\s+");

        Cli.Result json = Cli.run(Cli.args("nodes", hub, "--json", client));
        assertThat(json.out()).contains("{\"node\":\"Kitchen\",\"type\":\"DemoBoard\",\"parent\":\"Hub\"");

        Cli.Result removed = Cli.run(Cli.args("remove-node", hub, "Kitchen", client));
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(tree.get("Kitchen")).isEmpty();
        assertThat(Files.readString(started.configFile(), StandardCharsets.UTF_8))
                .doesNotContain("Kitchen");
    }

    @Test
    void unknownParameterIsBadInputAndCreatesNothing() {
        Cli.Result r = Cli.run(Cli.args("add-node", hub, SimulatedBoardType.TYPE, "Hall", "colour=red", client));
        assertThat(r.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("no parameter 'colour'")
                .contains("room");
        assertThat(tree.get("Hall")).isEmpty();
    }

    @Test
    void malformedAssignmentIsBadInput() {
        Cli.Result r = Cli.run(Cli.args("add-node", hub, SimulatedBoardType.TYPE, "Hall", "room", client));
        assertThat(r.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("malformed assignment 'room'");
    }

    @Test
    void refusalsAreOneLineAndExitCode1() {
        Cli.Result type = Cli.run(Cli.args("add-node", hub, "Toaster", "T1", client));
        assertThat(type.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(type.errLines()).singleElement().asString().startsWith("add-node: ");
        Cli.Result missing = Cli.run(Cli.args("remove-node", hub, "NoSuchNode", client));
        assertThat(missing.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(missing.errLines())
                .singleElement()
                .asString()
                .startsWith("remove-node: ")
                .contains("NotFound");
    }

    @Test
    void strangersCannotChangeTheHub(ProsodyServer server) {
        Cli.Result r = Cli.run(
                Cli.args("add-node", hub, SimulatedBoardType.TYPE, "Intruder", Cli.account(server, "stranger")));
        assertThat(r.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(r.errLines()).singleElement().asString().startsWith("add-node: ");
        assertThat(tree.get("Intruder")).isEmpty();
    }

    @Test
    void unknownJidIsOneLineAndExitCode1(ProsodyServer server) {
        Cli.Result r = Cli.run(Cli.args("nodes", server.jid("nobody") + "/x", client));
        assertThat(r.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(r.errLines()).singleElement().asString().startsWith("nodes: ");
    }
}
