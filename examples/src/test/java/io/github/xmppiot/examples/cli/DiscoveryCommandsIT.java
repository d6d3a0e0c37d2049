package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code registry}, {@code thing --registry}, {@code claim}, {@code search}, {@code remove} and {@code disown}. */
@ProsodyTest
class DiscoveryCommandsIT {

    private static RunningCommand registry;
    private static String registryJid;

    @BeforeAll
    static void startRegistry(ProsodyServer server) throws Exception {
        registry = RunningCommand.start(Cli.args("registry", Cli.account(server, "registry")));
        registry.awaitOutput("online as (\\S+)", 20);
        registryJid = server.jid("registry").toString();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        assertThat(registry.stop()).isZero();
    }

    private static String claimString(RunningCommand thing) throws Exception {
        return thing.awaitOutput("claim --registry \\S+ '([^']+)'", 20);
    }

    @Test
    void ownerClaimsReadsFindsAndRemovesAThing(ProsodyServer server) throws Exception {
        List<String> owner = Cli.account(server, "owner1");
        try (RunningCommand thing =
                RunningCommand.start(Cli.args("thing", "--registry", registryJid, Cli.account(server, "device1")))) {
            String thingJid = thing.awaitOutput("online as (\\S+)", 20);
            String claim = claimString(thing);
            assertThat(thing.output()).contains("\u2588");

            Cli.Result claimed = Cli.run(Cli.args("claim", "--registry", registryJid, claim, owner));
            assertThat(claimed.exitCode()).as(claimed.err()).isZero();
            assertThat(claimed.out()).contains("claimed " + server.jid("device1") + " (public)");
            thing.awaitOutput("(claimed by " + server.jid("owner1") + ")", 20);

            Cli.Result read = Cli.run(Cli.args("read", thingJid, "--field", "Temperature", owner));
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).contains("25.08");

            Cli.Result found = Cli.run(Cli.args(
                    "search",
                    "--registry",
                    registryJid,
                    "MODEL=DemoBoard",
                    "MAN~xmpp-iot*",
                    Cli.account(server, "searcher")));
            assertThat(found.exitCode()).as(found.err()).isZero();
            assertThat(found.out())
                    .contains(server.jid("device1").toString())
                    .contains("MODEL=DemoBoard")
                    .doesNotContain("KEY=");

            Cli.Result again = Cli.run(Cli.args("claim", "--registry", registryJid, claim, owner));
            assertThat(again.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(again.errLines()).singleElement().asString().startsWith("claim: ");

            Cli.Result removed = Cli.run(Cli.args(
                    "remove", "--registry", registryJid, server.jid("device1").toString(), owner));
            assertThat(removed.exitCode()).as(removed.err()).isZero();
            Cli.Result gone = Cli.run(Cli.args(
                    "search", "--registry", registryJid, "MODEL=DemoBoard", "--json", Cli.account(server, "searcher")));
            assertThat(gone.exitCode()).as(gone.err()).isZero();
            assertThat(gone.out()).doesNotContain(server.jid("device1").toString());
        }
    }

    @Test
    void ownerDisownsAThing(ProsodyServer server) throws Exception {
        List<String> owner = Cli.account(server, "owner2");
        try (RunningCommand thing =
                RunningCommand.start(Cli.args("thing", "--registry", registryJid, Cli.account(server, "device2")))) {
            String claim = claimString(thing);
            Cli.Result claimed = Cli.run(Cli.args("claim", "--private", "--registry", registryJid, claim, owner));
            assertThat(claimed.exitCode()).as(claimed.err()).isZero();
            assertThat(claimed.out()).contains("(private)");
            Cli.Result disowned = Cli.run(Cli.args(
                    "disown", "--registry", registryJid, server.jid("device2").toString(), owner));
            assertThat(disowned.exitCode()).as(disowned.err()).isZero();
            assertThat(disowned.out()).contains("disowned " + server.jid("device2"));
            thing.awaitOutput("(disowned)", 20);
        }
    }

    @Test
    void badInputAndUnknownThingsAreOneLine(ProsodyServer server) {
        List<String> owner = Cli.account(server, "owner3");
        Cli.Result claim = Cli.run(Cli.args("claim", "--registry", registryJid, "not a claim", owner));
        assertThat(claim.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(claim.errLines()).singleElement().asString().contains("not a claim string");
        Cli.Result search = Cli.run(Cli.args("search", "--registry", registryJid, "MODEL", owner));
        assertThat(search.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(search.errLines()).singleElement().asString().contains("malformed condition 'MODEL'");
        Cli.Result remove = Cli.run(Cli.args(
                "remove", "--registry", registryJid, server.jid("nothing").toString(), owner));
        assertThat(remove.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(remove.errLines()).singleElement().asString().startsWith("remove: ");
        Cli.Result unknownClaim =
                Cli.run(Cli.args("claim", "--registry", registryJid, "IoTDisco;MAN:nobody.example;KEY:0000", owner));
        assertThat(unknownClaim.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(unknownClaim.errLines()).singleElement().asString().startsWith("claim: ");
    }
}
