package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code registry --db postgresql://...}: two registry processes on two accounts share one PostgreSQL database (the
 * password once from {@code --db-password-file}, once from the environment); a Thing registered through one is
 * claimed through the other and found through both. Credentials in the URL and a wrong password are refused with a
 * message that names the fix.
 */
@ProsodyTest
@PostgresTest
class RegistryDatabaseIT {

    private static String url(PostgresServer pg, String db) {
        return "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + db;
    }

    @Test
    void twoRegistriesShareOnePostgresDatabase(ProsodyServer server, PostgresServer pg) throws Exception {
        String db = url(pg, pg.createDatabase("cli_registry"));
        Map<String, String> user = Map.of(RegistryDb.USER_ENV, PostgresServer.USER);
        Map<String, String> userAndPassword =
                Map.of(RegistryDb.USER_ENV, PostgresServer.USER, RegistryDb.PASSWORD_ENV, pg.password());
        try (RunningCommand a = RunningCommand.start(
                        user,
                        Cli.args(
                                "registry",
                                "--db",
                                db,
                                "--db-password-file",
                                Cli.passwordFile(pg.password()).toString(),
                                Cli.account(server, "registry_a")));
                RunningCommand b = RunningCommand.start(
                        userAndPassword, Cli.args("registry", "--db", db, Cli.account(server, "registry_b")))) {
            a.awaitOutput("online as (\\S+)", 30);
            b.awaitOutput("online as (\\S+)", 30);
            assertThat(a.output()).contains("records in " + db);
            String registryA = server.jid("registry_a").toString();
            String registryB = server.jid("registry_b").toString();
            List<String> owner = Cli.account(server, "owner");
            try (RunningCommand thing =
                    RunningCommand.start(Cli.args("thing", "--registry", registryA, Cli.account(server, "device")))) {
                String claim = thing.awaitOutput("claim --registry \\S+ '([^']+)'", 20);
                Cli.Result claimed = Cli.run(Cli.args("claim", "--registry", registryB, claim, owner));
                assertThat(claimed.exitCode()).as(claimed.err()).isZero();
                assertThat(claimed.out()).contains("claimed " + server.jid("device"));
                for (String registry : List.of(registryA, registryB)) {
                    Cli.Result found = Cli.run(Cli.args(
                            "search", "--registry", registry, "MODEL=DemoBoard", Cli.account(server, "searcher")));
                    assertThat(found.exitCode()).as(found.err()).isZero();
                    assertThat(found.out())
                            .contains(server.jid("device").toString())
                            .doesNotContain("KEY=");
                }
                Cli.Result again =
                        Cli.run(Cli.args("claim", "--registry", registryA, claim, Cli.account(server, "other")));
                assertThat(again.exitCode()).isEqualTo(CliException.FAILED);
            }
        }
    }

    @Test
    void credentialsInTheUrlOrAWrongPasswordAreRefused(ProsodyServer server, PostgresServer pg) {
        Cli.Result help = Cli.run("registry", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("postgresql://host")
                .contains("--db-password-file")
                .contains(RegistryDb.USER_ENV)
                .contains(RegistryDb.PASSWORD_ENV);
        String db = pg.createDatabase("cli_refused");
        Cli.Result inUrl = Cli.run(
                Map.of(),
                null,
                Cli.args(
                        "registry",
                        "--db",
                        "postgresql://iot:secret@" + PostgresServer.HOST + ":" + pg.port() + "/" + db,
                        Cli.account(server, "registry_c")));
        assertThat(inUrl.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(inUrl.err())
                .contains("do not put credentials into the database URL")
                .contains("XMPP_IOT_DB_USER")
                .doesNotContain("secret");
        Cli.Result wrong = Cli.run(
                Map.of(RegistryDb.USER_ENV, PostgresServer.USER, RegistryDb.PASSWORD_ENV, "not-the-password"),
                null,
                Cli.args("registry", "--db", url(pg, db), Cli.account(server, "registry_c")));
        assertThat(wrong.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(wrong.err())
                .contains("cannot use the registry database")
                .contains(RegistryDb.PASSWORD_ENV)
                .doesNotContain("not-the-password");
    }
}
