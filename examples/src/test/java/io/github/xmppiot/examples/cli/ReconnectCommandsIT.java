package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;

/**
 * The long-running commands come back by themselves after the server restarts and say so in single lines; when the
 * server refuses their password they stop with exit code 3.
 */
@ProsodyTest
class ReconnectCommandsIT {

    @Test
    void thingPrintsTheTransitionsAndAnswersAfterRestartsAndKill(ProsodyServer server) throws Exception {
        List<String> owner = Cli.account(server, "rc-owner");
        try (RunningCommand thing = RunningCommand.start(Cli.args(
                "thing", "--allow", server.jid("rc-owner"), "--resource", "dev", Cli.account(server, "rc-thing")))) {
            String jid = thing.awaitOutput("online as (\\S+)", 20);
            server.restart();
            thing.awaitOutput("(connection: back online after [0-9.]+ s \\(new session, attempt \\d+\\))", 30);
            assertThat(thing.output()).contains("connection: offline: ").contains("connection: reconnecting in ");
            Cli.Result read = Cli.run(Cli.args("read", jid, "--field", "Temperature", owner));
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).contains("Temperature");
            server.kill();
            thing.awaitOutput(
                    "(connection: back online after [0-9.]+ s \\(new session, attempt \\d+\\)[\\s\\S]*"
                            + "connection: back online after)",
                    30);
            assertThat(Cli.run(Cli.args("read", jid, "--field", "Temperature", owner))
                            .exitCode())
                    .isZero();
            assertThat(thing.stop()).isZero();
        }
    }

    @Test
    void aRefusedPasswordEndsTheCommandWithExitCode3(ProsodyServer server) throws Exception {
        try (RunningCommand thing = RunningCommand.start(Cli.args("thing", Cli.account(server, "rc-thing2")))) {
            thing.awaitOutput("online as (\\S+)", 20);
            XMPPTCPConnection same = server.connect("rc-thing2", "admin");
            AccountManager am = AccountManager.getInstance(same);
            am.sensitiveOperationOverInsecureConnection(!server.tls());
            // the password change resets the Thing's stream (Prosody); its reconnection is then refused by SASL
            am.changePassword("changed-elsewhere");
            assertThat(thing.awaitExit(30)).isEqualTo(CliException.NOT_CONNECTED);
            assertThat(thing.output()).contains("connection: gave up reconnecting: the server refused the credentials");
        }
    }
}
