package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.Readiness;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.examples.device.DemoBoard;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code xmpp-iot console} in a real browser (headless chromium through Selenium) against a real Prosody, a simulated
 * Thing of the SDK (the demo board), a hub and a registry: refused without the token, friendship, live values that
 * follow the board, a chart per numeric field, control, hub nodes added and removed, a Thing claimed, searched and
 * removed, and the page following a server restart. Screenshots of each page go to target/console-screenshots.
 */
@ProsodyTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static Browser browser;
    private static RunningCommand console;
    private static RunningCommand hub;
    private static RunningCommand registry;
    private static DemoBoard board;
    private static XMPPTCPConnection thing;
    private static String url;
    private static String thingJid;
    private static String hubJid;
    private static String registryJid;
    private static Path hubConfig;

    @BeforeAll
    static void start(ProsodyServer server, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        browser = Browser.start();
        String owner = server.jid("owner").toString();
        registry = RunningCommand.start(Cli.args("registry", Cli.account(server, "registry")));
        registry.awaitOutput("online as (\\S+)", 20);
        registryJid = server.jid("registry").toString();
        Path config = hubConfig = Files.writeString(dir.resolve("hub.json"), """
                {"rootId": "House", "hal": {"backend": "mock"},
                 "nodes": [{"id": "Garage", "type": "relay", "parameters": {"pin": 17}},
                           {"id": "Kitchen", "type": "DemoBoard"}]}
                """);
        hub = RunningCommand.start(Cli.args("hub", "--config", config, "--allow", owner, Cli.account(server, "hub")));
        hubJid = server.jid("hub").toString();
        hub.awaitOutput("online as (\\S+)", 20);
        board = DemoBoard.simulated("DemoBoard");
        thing = IotConnection.create(
                server.iotConfigBuilder("device").resource("thing").build());
        Readiness.holdPresence(thing);
        FriendRequests.install(thing, Set.of(server.jid("owner").asBareJid()), new PrintWriter(Writer.nullWriter()));
        thing.connect().login();
        ThingDirectory things = ThingDirectory.of(board.thing());
        SensorDataServer.getInstanceFor(thing).update(b -> b.things(things).accessPolicy(AccessPolicy.friends(thing)));
        ControlServer.getInstanceFor(thing).update(s -> s.things(things).accessPolicy(AccessPolicy.friends(thing)));
        Readiness.announce(thing);
        thingJid = server.jid("device").toString();
        console = RunningCommand.start(
                Cli.args("console", "--interval", "1", "--registry", registryJid, Cli.account(server, "owner")));
        url = console.awaitOutput("(http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+)", 20);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            for (RunningCommand c : new RunningCommand[] {console, hub, registry}) {
                if (c != null) {
                    c.close();
                }
            }
            if (thing != null) {
                thing.disconnect();
            }
            if (board != null) {
                board.close();
            }
        }
    }

    @Test
    @Order(1)
    void withoutTheTokenTheConsoleRefusesThenTheLinkOpensIt() {
        String base = url.substring(0, url.indexOf("/?token="));
        browser.open(base + "/");
        assertThat(browser.find("body").getText()).contains("Open the link printed by 'xmpp-iot console'");
        browser.open(base + "/?token=not-the-token");
        assertThat(browser.find("body").getText()).contains("one-time token");
        browser.open(url);
        browser.await(
                "the Devices page",
                d -> d.getCurrentUrl().endsWith("/") || d.getCurrentUrl().contains("#"));
        browser.find("#devices");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("token");
        assertThat(browser.find("#connection").getAttribute("data-state")).isEqualTo("online");
    }

    @Test
    @Order(2)
    void befriendADeviceAndSeeItOnlineWithWhatItOffers() {
        browser.type("#befriend-jid", thingJid);
        browser.click("#befriend");
        browser.awaitText("#devices-msg", "asked " + thingJid);
        String row = "#devices tr[data-jid='" + thingJid + "']";
        browser.awaitText(row, thingJid + "/thing");
        assertThat(browser.awaitText(row, "control")).contains("sensor data");
        browser.screenshot("devices");
    }

    @Test
    @Order(3)
    void liveValuesFollowTheBoardWithAChartPerNumericField() {
        browser.open(url.substring(0, url.indexOf("/?token=")) + "/#/device/" + enc(thingJid));
        browser.awaitText("#device-status", "live");
        browser.awaitText("#values tr[data-field='Temperature']", "°C");
        browser.awaitText("#values tr[data-field='Motion'] td.value", "false");
        board.simulateMotion(true);
        browser.awaitText("#values tr[data-field='Motion'] td.value", "true");
        browser.await(
                "a chart of Temperature",
                d -> !d.findElements(By.cssSelector(".chart[data-field$='Temperature'] canvas"))
                        .isEmpty());
        assertThat(browser.present(".chart[data-field$='Motion']"))
                .as("booleans are not charted")
                .isFalse();
    }

    @Test
    @Order(4)
    void controlIsValidatedBeforeSendingAndSetsTheRelay() {
        new Select(browser.find("#ctl-Relay")).selectByValue("true");
        browser.click("#set-Relay");
        browser.awaitText("#ok-Relay", "set to true");
        browser.await("the relay on", d -> board.relayOn());
        browser.type("#ctl-Brightness", "250");
        browser.click("#set-Brightness");
        assertThat(browser.awaitText("#err-Brightness", "at most")).contains("100");
        assertThat(board.brightness()).as("nothing sent").isZero();
        browser.type("#ctl-Brightness", "40");
        browser.click("#set-Brightness");
        browser.awaitText("#ok-Brightness", "set to 40");
        assertThat(board.brightness()).isEqualTo(40);
        browser.screenshot("device");
    }

    @Test
    @Order(5)
    void aHubNodeIsAddedReadAndRemoved() {
        browser.open(url.substring(0, url.indexOf("/?token=")) + "/#/hub/" + enc(hubJid));
        browser.find("#nodes tr[data-node='Garage']");
        browser.await(
                "the node types",
                d -> !d.findElements(By.cssSelector("#add-type option[value='led']"))
                        .isEmpty());
        new Select(browser.find("#add-type")).selectByValue("led");
        browser.click("#add-load");
        browser.type("#add-id", "Porch");
        browser.type("#new-pin", "17");
        browser.click("#add-node");
        assertThat(browser.awaitText("#new-err-pin, #hub-msg", "17")).contains("in use");
        browser.type("#new-pin", "22");
        browser.click("#add-node");
        browser.awaitText("#hub-msg", "added node Porch");
        browser.find("#nodes tr[data-node='Porch']");
        browser.click("#nodes tr[data-node='Kitchen'] button[data-action='read']");
        browser.awaitText("#node-values tr[data-field='Temperature']", "°C");
        browser.screenshot("hub");
        browser.click("#nodes tr[data-node='Kitchen'] button[data-action='edit']");
        browser.type("#edit-room", "kitchen by the window");
        browser.click("#edit-save");
        browser.awaitText("#hub-msg", "saved Kitchen");
        browser.await("the hub's file in sync", d -> {
            try {
                return Files.readString(hubConfig).contains("kitchen by the window");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        browser.click("#nodes tr[data-node='Porch'] button[data-action='remove']");
        browser.awaitText("#hub-msg", "removed node Porch");
        browser.await(
                "Porch gone",
                d -> d.findElements(By.cssSelector("#nodes tr[data-node='Porch']"))
                        .isEmpty());
    }

    @Test
    @Order(6)
    void aThingIsClaimedFoundAndRemovedInTheRegistry(ProsodyServer server) throws Exception {
        try (RunningCommand device2 =
                RunningCommand.start(Cli.args("thing", "--registry", registryJid, Cli.account(server, "device2")))) {
            String claim = device2.awaitOutput("claim --registry \\S+ '([^']+)'", 20);
            browser.open(url.substring(0, url.indexOf("/?token=")) + "/#/registry");
            browser.type("#claim", "not a claim");
            browser.click("#claim-button");
            browser.awaitText("#claim-error", "IoTDisco;");
            browser.type("#claim", claim);
            browser.click("#claim-button");
            browser.awaitText("#registry-msg", "claimed " + server.jid("device2"));
            browser.type("#conditions", "MODEL=DemoBoard");
            browser.click("#search");
            String row = "#results tr[data-jid='" + server.jid("device2") + "']";
            assertThat(browser.awaitText(row, server.jid("owner").toString())).contains("MODEL=DemoBoard");
            browser.screenshot("registry");
            browser.find(row + " button[data-action='remove']").click();
            browser.awaitText("#registry-msg", "removed " + server.jid("device2"));
            browser.await(
                    "the row gone", d -> d.findElements(By.cssSelector(row)).isEmpty());
        }
    }

    @Test
    @Order(7)
    void theConsoleKeepsWorkingAcrossAServerRestartAndSaysSo(ProsodyServer server) {
        browser.open(url.substring(0, url.indexOf("/?token=")) + "/#/device/" + enc(thingJid));
        browser.awaitText("#device-status", "live");
        browser.find("#ctl-Relay");
        server.restart();
        browser.await("the page saying the connection was lost", d -> {
            String seen = d.findElement(By.id("connection")).getAttribute("data-seen");
            return seen != null && (seen.contains("offline") || seen.contains("reconnecting"));
        });
        browser.await(
                "the page saying the connection is back",
                d -> "back".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        assertThat(browser.find("#connection").getText()).isEqualTo("back online");
        board.simulateMotion(false);
        browser.awaitText("#values tr[data-field='Motion'] td.value", "false");
        new Select(browser.find("#ctl-Relay")).selectByValue("false");
        browser.click("#set-Relay");
        browser.awaitText("#ok-Relay", "set to false");
        browser.await("the relay off", d -> !board.relayOn());
        browser.screenshot("reconnected");
    }

    @Test
    @Order(8)
    void anotherInterfaceOnlyWithAWarningAndBadOptionsAreOneLine(ProsodyServer server) throws Exception {
        java.util.List<String> account = Cli.account(server, "owner");
        try (RunningCommand wide = RunningCommand.start(Cli.args("console", "--bind", "0.0.0.0", account))) {
            wide.awaitOutput("(http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+)", 20);
            assertThat(wide.errors())
                    .contains("console: warning: --bind 0.0.0.0 makes the console reachable from" + " other machines");
            assertThat(wide.stop()).isZero();
        }
        for (String[] bad :
                new String[][] {{"--http-port", "70000"}, {"--interval", "0"}, {"--bind", "no-such-host.invalid"}}) {
            Cli.Result r = Cli.run(Cli.args("console", bad[0], bad[1], account));
            assertThat(r.exitCode()).as(String.join(" ", bad)).isEqualTo(CliException.BAD_INPUT);
            assertThat(r.errLines()).singleElement().asString().contains(bad[0]);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
