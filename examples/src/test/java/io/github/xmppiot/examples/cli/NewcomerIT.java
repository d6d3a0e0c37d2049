package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * A newcomer with two accounts goes from nothing to reading and controlling a device with CLI commands only, using
 * bare JIDs, and every refusal names the next step: the device's stable resource is found without friendship, a
 * refused read says to befriend, {@code befriend} waits for the owner, {@code accept} (on the device's account) makes
 * them friends, and then the bare JID resolves through presence to the resource that offers the feature.
 */
@ProsodyTest
class NewcomerIT {

    @Test
    void fromTwoAccountsToReadingAndControllingWithBareJids(ProsodyServer server) throws Exception {
        String device = server.jid("device").toString();
        String me = server.jid("newcomer").toString();
        List<String> client = Cli.account(server, "newcomer");
        List<String> deviceAccount = Cli.account(server, "device");
        try (RunningCommand thing = RunningCommand.start(Cli.args("thing", deviceAccount))) {
            assertThat(thing.awaitOutput("online as (\\S+)", 20)).isEqualTo(device + "/thing");

            Cli.Result refused = Cli.run(Cli.args("read", device, client));
            assertThat(refused.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(refused.errLines())
                    .first()
                    .asString()
                    .isEqualTo("read: using " + device + "/thing for " + device
                            + " (found by service discovery, offers urn:xmpp:iot:sensordata)");
            assertThat(refused.errLines())
                    .last()
                    .asString()
                    .contains("not a friend of " + device)
                    .contains("xmpp-iot befriend " + device + " --jid " + me)
                    .contains("--allow " + me);

            Cli.Result asked = Cli.run(Cli.args("befriend", device, "--timeout", "2", client));
            assertThat(asked.exitCode()).as(asked.err()).isZero();
            assertThat(asked.out()).contains("asked " + device).contains("xmpp-iot accept " + me + " --jid " + device);
            thing.awaitOutput(
                    "(friend request from " + me + " is waiting: accept it with 'xmpp-iot accept " + me + " --jid "
                            + device + "')",
                    20);

            Cli.Result accepted = Cli.run(Cli.args("accept", me, deviceAccount));
            assertThat(accepted.exitCode()).as(accepted.err()).isZero();
            assertThat(accepted.out()).contains("accepted " + me);

            Cli.Result contacts = Cli.run(Cli.args("contacts", client));
            assertThat(contacts.exitCode()).as(contacts.err()).isZero();
            assertThat(contacts.out()).containsPattern(device.replace(".", "\\.") + "\\s+(to|both)\\s");

            XMPPTCPConnection console = server.connect("device", "console");
            try {
                Cli.Result read = Cli.run(Cli.args("read", device, "--field", "Temperature", client));
                assertThat(read.exitCode()).as(read.err()).isZero();
                // the console resource is online too but does not offer sensor data: never chosen
                assertThat(read.err())
                        .startsWith("read: using " + device + "/thing for " + device + " (online,"
                                + " offers urn:xmpp:iot:sensordata");
                assertThat(read.out()).containsPattern("DemoBoard\\s+Temperature\\s+25\\.08");
            } finally {
                console.disconnect();
            }
            Cli.Result set = Cli.run(Cli.args("set", device, "Relay=true", client));
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.out()).contains("set Relay=true on " + device + "/thing");
            Cli.Result form = Cli.run(Cli.args("form", device, client));
            assertThat(form.out()).containsPattern("Relay\\s+boolean\\s+true");
        }
    }

    @Test
    void anAllowedNewcomerIsAcceptedAtOnceAndAnUnaskedAcceptSaysWhatToDo(ProsodyServer server) throws Exception {
        String device = server.jid("device2").toString();
        String me = server.jid("friend2").toString();
        List<String> client = Cli.account(server, "friend2");
        try (RunningCommand thing =
                RunningCommand.start(Cli.args("thing", "--allow", me, Cli.account(server, "device2")))) {
            thing.awaitOutput("online as (\\S+)", 20);
            Cli.Result befriend = Cli.run(Cli.args("befriend", device, client));
            assertThat(befriend.exitCode()).as(befriend.err()).isZero();
            assertThat(befriend.out()).contains(device + " accepted: you are friends");
            Cli.Result again = Cli.run(Cli.args("befriend", device, client));
            assertThat(again.out()).contains("already a friend of " + device);
        }
        Cli.Result offline = Cli.run(Cli.args("read", device, "--timeout", "2", client));
        assertThat(offline.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(offline.errLines()).singleElement().asString().contains(device + " is offline");
        Cli.Result unasked = Cli.run(
                Cli.args("accept", server.jid("nobody2").toString(), "--timeout", "2", Cli.account(server, "device2")));
        assertThat(unasked.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(unasked.errLines())
                .singleElement()
                .asString()
                .contains("no pending friend request")
                .contains("xmpp-iot befriend " + device);
        Cli.Result stranger = Cli.run(Cli.args("read", server.jid("nodevice").toString(), "--timeout", "2", client));
        assertThat(stranger.errLines())
                .singleElement()
                .asString()
                .contains("cannot find an online resource")
                .contains("xmpp-iot befriend " + server.jid("nodevice"));
    }
}
