package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code thing} serving the demo device, and {@code read}, {@code set} and {@code form} against it, on Prosody. */
@ProsodyTest
class ThingCommandsIT {

    private static RunningCommand thing;
    private static String thingJid;
    private static List<String> client;

    @BeforeAll
    static void startThing(ProsodyServer server) throws Exception {
        client = Cli.account(server, "owner");
        thing = RunningCommand.start(Cli.args("thing", "--allow", server.jid("owner"), Cli.account(server, "device")));
        thingJid = thing.awaitOutput("online as (\\S+)", 20);
    }

    @AfterAll
    static void stopThing() throws Exception {
        assertThat(thing.stop()).isZero();
    }

    @Test
    void readsEverySensorAsATable() {
        Cli.Result r = Cli.run(Cli.args("read", thingJid, client));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).first().asString().startsWith("node").contains("field", "value", "unit");
        assertThat(r.out())
                .containsPattern("DemoBoard\\s+Temperature\\s+25\\.08\\s+°C")
                .containsPattern("Light\\s+320\\.00\\s+lx")
                .contains("Humidity", "Pressure", "Motion", "Relay");
    }

    @Test
    void readsSelectedFieldsAsJson() {
        Cli.Result r = Cli.run(Cli.args("read", thingJid, "--field", "Temperature", "--json", client));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("{\"thing\":\"" + thingJid + "\",\"fields\":[{\"node\":\"DemoBoard\","
                        + "\"field\":\"Temperature\",\"value\":\"25.08\",\"unit\":\"°C\"")
                .doesNotContain("Humidity")
                .contains("\"failures\":[]");
    }

    @Test
    void setsParametersAndShowsThemInTheFormAndReadOut() {
        Cli.Result set = Cli.run(Cli.args("set", thingJid, "Relay=true", "Brightness=40", client));
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("set Relay=true Brightness=40 on " + thingJid);
        Cli.Result form = Cli.run(Cli.args("form", thingJid, client));
        assertThat(form.exitCode()).as(form.err()).isZero();
        assertThat(form.out())
                .containsPattern("Relay\\s+boolean\\s+true")
                .containsPattern("Brightness\\s+int\\s+40\\s+0\\.\\.100");
        Cli.Result read = Cli.run(Cli.args("read", thingJid, "--field", "Brightness", "--type", "status", client));
        assertThat(read.out()).containsPattern("Brightness\\s+40");
    }

    @Test
    void watchPrintsValuesOnlyWhenTheyChange() {
        Cli.Result r = Cli.run(
                Cli.args("watch", thingJid, "--field", "Temperature", "--count", "2", "--interval", "1", client));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).first().asString().startsWith("node");
        assertThat(r.out().lines().filter(l -> l.contains("Temperature"))).hasSize(1);
        Cli.Result json = Cli.run(Cli.args("watch", thingJid, "--field", "Light", "--count", "1", "--json", client));
        assertThat(json.out())
                .startsWith("{\"thing\":\"" + thingJid + "\",\"changed\":[{\"node\":\"DemoBoard\","
                        + "\"field\":\"Light\",\"value\":\"320.00\"");
        Cli.Result bad = Cli.run(Cli.args("watch", thingJid, "--count", "0", client));
        assertThat(bad.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(bad.errLines()).singleElement().asString().contains("--count");
    }

    @Test
    void outOfRangeValueIsRefusedByTheThing() {
        Cli.Result r = Cli.run(Cli.args("set", thingJid, "Brightness=150", client));
        assertThat(r.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(r.errLines()).singleElement().asString().startsWith("set: ").contains("Brightness");
    }

    @Test
    void malformedInputIsOneLineAndExitCode2() {
        Cli.Result noEquals = Cli.run(Cli.args("set", thingJid, "Relay", client));
        assertThat(noEquals.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(noEquals.errLines()).singleElement().asString().contains("malformed assignment 'Relay'");
        Cli.Result badValue = Cli.run(Cli.args("set", thingJid, "Brightness=bright", client));
        assertThat(badValue.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(badValue.errLines()).singleElement().asString().contains("not a valid int for Brightness");
        Cli.Result unknown = Cli.run(Cli.args("set", thingJid, "Colour=red", client));
        assertThat(unknown.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .contains("no control parameter 'Colour'")
                .contains("Relay, Brightness");
        Cli.Result type = Cli.run(Cli.args("read", thingJid, "--type", "sometimes", client));
        assertThat(type.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(type.errLines()).singleElement().asString().contains("unknown --type 'sometimes'");
        Cli.Result from = Cli.run(Cli.args("read", thingJid, "--from", "yesterday", client));
        assertThat(from.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(from.errLines()).singleElement().asString().contains("--from 'yesterday'");
    }

    @Test
    void strangersAreRefused(ProsodyServer server) {
        Cli.Result r = Cli.run(Cli.args("read", thingJid, Cli.account(server, "stranger")));
        assertThat(r.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(r.errLines()).singleElement().asString().startsWith("read: ");
        Cli.Result set = Cli.run(Cli.args("set", thingJid, "Relay=false", Cli.account(server, "stranger")));
        assertThat(set.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(set.errLines()).singleElement().asString().startsWith("set: ");
    }

    @Test
    void unknownJidIsOneLineAndExitCode1(ProsodyServer server) {
        Cli.Result r = Cli.run(Cli.args("read", server.jid("nobody") + "/thing", client));
        assertThat(r.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(r.errLines()).singleElement().asString().startsWith("read: ");
    }
}
