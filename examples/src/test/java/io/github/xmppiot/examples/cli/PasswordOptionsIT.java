package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 10: passwords from a file, a warning for one typed on the command line, the old ways kept. */
@ProsodyTest
class PasswordOptionsIT {

    @TempDir
    Path dir;

    private static Cli.Result whoami(Map<String, String> env, List<String> args) {
        return Cli.run(env, new ConnectionErrorsIT.WhoAmI(), Cli.args("whoami", args));
    }

    /** The account options with the password file replaced by {@code replacement} (empty: no password option). */
    private static List<String> account(ProsodyServer server, String user, String... replacement) {
        List<String> a = new ArrayList<>(Cli.account(server, user));
        int i = a.indexOf("--password-file");
        a.subList(i, i + 2).clear();
        a.addAll(List.of(replacement));
        return a;
    }

    @Test
    void passwordFileConnectsWithoutWarning(ProsodyServer server) {
        Cli.Result r = whoami(Map.of(), Cli.account(server, "alice"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith(server.jid("alice") + "/");
    }

    @Test
    void inlinePasswordWorksButWarns(ProsodyServer server) {
        String password = server.password(ensure(server, "bob"));
        Cli.Result r = whoami(Map.of(), account(server, "bob", "--password", password));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("warning")
                .contains("process list")
                .contains("--password-file")
                .doesNotContain(password);
        Cli.Result equals = whoami(Map.of(), account(server, "bob", "--password=" + password));
        assertThat(equals.exitCode()).as(equals.err()).isZero();
        assertThat(equals.errLines()).singleElement().asString().contains("warning");
    }

    @Test
    void environmentStillWorksWithoutWarning(ProsodyServer server) {
        String password = server.password(ensure(server, "carol"));
        Cli.Result r = whoami(Map.of(ConnectionOptions.PASSWORD_ENV, password), account(server, "carol"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFileOthersCanReadWorksButWarns(ProsodyServer server) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, server.password(ensure(server, "dave")) + "\r\nsecond line ignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result r = whoami(Map.of(), account(server, "dave", "--password-file", file.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines()).singleElement().asString().contains("chmod 600");
    }

    @Test
    void unreadableEmptyOrDoubleIsBadInput(ProsodyServer server) throws Exception {
        Cli.Result missing = whoami(
                Map.of(),
                account(server, "erin", "--password-file", dir.resolve("absent").toString()));
        assertThat(missing.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(missing.errLines()).singleElement().asString().contains("cannot read --password-file");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Cli.Result blank = whoami(Map.of(), account(server, "erin", "--password-file", empty.toString()));
        assertThat(blank.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(blank.errLines()).singleElement().asString().contains("is empty");
        Cli.Result both =
                whoami(Map.of(), account(server, "erin", "--password", "x", "--password-file", empty.toString()));
        assertThat(both.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(both.errLines()).singleElement().asString().contains("not both");
    }

    private static String ensure(ProsodyServer server, String user) {
        server.ensureAccount(user);
        return user;
    }
}
