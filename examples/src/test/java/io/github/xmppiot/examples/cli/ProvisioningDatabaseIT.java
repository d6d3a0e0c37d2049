package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * {@code provisioning --db postgresql://...}: the server keeps its owners in PostgreSQL, with the credentials from a
 * file or the environment, never from the command line; unusable database options fail with the fix.
 */
@ProsodyTest
@PostgresTest
class ProvisioningDatabaseIT {

    @Test
    void aClaimThroughTheServerIsKeptInPostgresql(ProsodyServer server, PostgresServer pg) throws Exception {
        String url = url(pg, pg.createDatabase("cli"));
        String device = server.jid("pgdevice").toString();
        try (RunningCommand provisioning = RunningCommand.start(Cli.args(
                "provisioning",
                "--db",
                url,
                "--db-user",
                PostgresServer.USER,
                "--db-password-file",
                Cli.passwordFile(pg.password()).toString(),
                "--owner",
                device + "=" + server.jid("pgowner"),
                Cli.account(server, "pgprov")))) {
            String provisioningJid = provisioning.awaitOutput("online as (\\S+)", 30);
            assertThat(provisioning.output()).contains("rules in " + url + " as " + PostgresServer.USER);
            assertThat(provisioning.errors()).doesNotContain("WARNING");

            XMPPTCPConnection owner = server.connect("pgowner", "claimer");
            RemoteCommand claim = AdHocCommandManager.getAddHocCommandsManager(owner)
                    .getRemoteCommand(JidCreate.from(provisioningJid), OwnerCommands.CLAIM);
            claim.execute();
            FillableForm form = new FillableForm(claim.getForm());
            form.setAnswer(OwnerCommands.FIELD_THING, device);
            claim.complete(form);
            assertThat(claim.getStatus()).isEqualTo(AdHocCommand.Status.completed);
            assertThat(provisioning.stop()).isZero();
        }
        try (JdbcProvisioningStore store = JdbcProvisioningStore.postgresql(url, PostgresServer.USER, pg.password())) {
            assertThat(store.owner(device)).contains(server.jid("pgowner").toString());
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverFromTheUrl(PostgresServer pg) {
        String url = url(pg, pg.createDatabase("cli"));
        Cli.Result inUrl = Cli.run(Cli.args(
                "provisioning",
                "--db",
                url.replace("//", "//iot:secret@"),
                "--jid",
                "p@example.org",
                "--password-file",
                Cli.passwordFile("x").toString()));
        assertThat(inUrl.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(inUrl.err()).contains(DatabaseOptions.PASSWORD_ENV).doesNotContain("secret");

        Cli.Result wrong = Cli.run(
                Map.of(DatabaseOptions.USER_ENV, PostgresServer.USER, DatabaseOptions.PASSWORD_ENV, "wrong-password"),
                null,
                Cli.args(
                        "provisioning",
                        "--db",
                        url,
                        "--jid",
                        "p@example.org",
                        "--password-file",
                        Cli.passwordFile("x").toString()));
        assertThat(wrong.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(wrong.err())
                .contains("cannot open --db " + url)
                .contains(DatabaseOptions.PASSWORD_ENV)
                .doesNotContain("wrong-password");

        Cli.Result other = Cli.run(Cli.args(
                "provisioning",
                "--db",
                "mysql://db.example/iot",
                "--jid",
                "p@example.org",
                "--password-file",
                Cli.passwordFile("x").toString()));
        assertThat(other.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(other.err()).contains("postgresql://host[:port]/database");
    }

    private static String url(PostgresServer pg, String database) {
        return "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + database;
    }
}
