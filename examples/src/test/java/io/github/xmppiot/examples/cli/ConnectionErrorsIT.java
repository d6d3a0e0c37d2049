package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Connection failures end in one line on standard error and a non-zero exit code, whatever the command. */
@ProsodyTest
class ConnectionErrorsIT {

    /** A command that only connects and prints the bound JID, to test the shared connection handling. */
    @Command(name = "whoami")
    static final class WhoAmI implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Session s = Session.open(connection, spec.commandLine().getErr())) {
                spec.commandLine().getOut().println(s.connection().getUser());
            }
            return 0;
        }
    }

    private static Cli.Result whoami(Map<String, String> env, String... args) {
        return Cli.run(env, new WhoAmI(), Cli.args("whoami", List.of(args)));
    }

    @Test
    void connectsWithTheRightPassword(ProsodyServer server) {
        Cli.Result r = whoami(Map.of(), Cli.account(server, "alice").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(server.jid("alice") + "/");
    }

    @Test
    void takesThePasswordFromTheEnvironment(ProsodyServer server) {
        List<String> a = Cli.account(server, "bob");
        int i = a.indexOf("--password-file");
        String password = server.password("bob");
        a.subList(i, i + 2).clear();
        Cli.Result r = whoami(Map.of(ConnectionOptions.PASSWORD_ENV, password), a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void wrongPasswordIsOneLineAndExitCode3(ProsodyServer server) {
        List<String> a = Cli.account(server, "carol");
        a.set(
                a.indexOf("--password-file") + 1,
                Cli.passwordFile("not-the-password").toString());
        Cli.Result r = whoami(Map.of(), a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("login failed")
                .contains("wrong JID or password")
                .doesNotContain("not-the-password");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unreachableServerIsOneLineAndExitCode3(ProsodyServer server) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        List<String> a = Cli.account(server, "dave");
        a.set(a.indexOf("--port") + 1, String.valueOf(closed));
        Cli.Result r = whoami(Map.of(), Cli.args(a, "--timeout", "3"));
        assertThat(r.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("whoami: cannot connect")
                .contains(String.valueOf(closed));
    }

    @Test
    void aPortThatIsNotXmppSaysSoAndNamesTheOptions(ProsodyServer server) throws Exception {
        try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(
                    () -> {
                        try (Socket s = http.accept()) {
                            s.getOutputStream()
                                    .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                            .getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                            s.getInputStream().readAllBytes();
                        } catch (IOException e) {
                            // the test is over
                        }
                    },
                    "not-xmpp");
            answering.setDaemon(true);
            answering.start();
            List<String> a = Cli.account(server, "gina");
            a.set(a.indexOf("--port") + 1, String.valueOf(http.getLocalPort()));
            Cli.Result r = whoami(Map.of(), Cli.args(a, "--timeout", "3"));
            assertThat(r.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
            assertThat(r.errLines())
                    .singleElement()
                    .asString()
                    .isEqualTo("whoami: " + ProsodyServer.HOST + ":"
                            + http.getLocalPort() + " does not speak XMPP (it answered something that is not an XMPP"
                            + " stream): check --host and --port (XMPP clients use port 5222)");
        }
    }

    @Test
    void aSilentPortIsAConnectionProblemNotAnOfflineJid(ProsodyServer server) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<String> a = Cli.account(server, "hank");
            a.set(a.indexOf("--port") + 1, String.valueOf(silent.getLocalPort()));
            Cli.Result r = whoami(Map.of(), Cli.args(a, "--timeout", "2"));
            assertThat(r.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
            assertThat(r.errLines())
                    .singleElement()
                    .asString()
                    .isEqualTo("whoami: connected to "
                            + ProsodyServer.HOST + ":" + silent.getLocalPort()
                            + " but no XMPP server answered within 2 s:"
                            + " check --host and --port (XMPP clients use port 5222), or try a larger --timeout")
                    .doesNotContain("online");
        }
    }

    @Test
    void aNameThatDoesNotResolveSuggestsHostAndPort() {
        Cli.Result host = whoami(
                Map.of(ConnectionOptions.PASSWORD_ENV, "x"),
                "--jid",
                "ivy@example.org",
                "--host",
                "no-such-host.invalid",
                "--timeout",
                "3");
        assertThat(host.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
        assertThat(host.errLines())
                .singleElement()
                .asString()
                .isEqualTo("whoami: cannot find the server: the name"
                        + " no-such-host.invalid does not resolve (DNS); check --host");
        Cli.Result domain = whoami(
                Map.of(ConnectionOptions.PASSWORD_ENV, "x"), "--jid", "ivy@no-such-domain.invalid", "--timeout", "3");
        assertThat(domain.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
        assertThat(domain.errLines())
                .singleElement()
                .asString()
                .isEqualTo("whoami: cannot find the server: the"
                        + " name no-such-domain.invalid does not resolve (DNS); give the server's address with --host (and"
                        + " --port if not 5222)");
    }

    @Test
    void untrustedCertificateIsOneLineAndExitCode3(ProsodyServer server) {
        List<String> a = Cli.account(server, "erin");
        int i = a.indexOf("--trust-cert");
        a.subList(i, i + 2).clear();
        Cli.Result r = whoami(Map.of(), a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(CliException.NOT_CONNECTED);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("TLS failed")
                .contains("--trust-cert");
    }

    @Test
    void missingPasswordIsBadInput(ProsodyServer server) {
        Cli.Result r = whoami(Map.of(), "--jid", server.jid("frank").toString(), "--host", ProsodyServer.HOST);
        assertThat(r.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("no password")
                .contains("XMPP_PASSWORD");
    }

    @Test
    void malformedJidAndPortAreBadInput() {
        Cli.Result jid = whoami(Map.of(), "--jid", "no-domain", "--password", "x");
        assertThat(jid.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(jid.errLines()).singleElement().asString().contains("--jid 'no-domain'");
        Cli.Result port = whoami(Map.of(), "--jid", "a@b.example", "--password", "x", "--port", "http");
        assertThat(port.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(port.errLines()).singleElement().asString().contains("--port");
        Cli.Result tls = whoami(Map.of(), "--jid", "a@b.example", "--password", "x", "--tls", "maybe");
        assertThat(tls.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(tls.errLines()).singleElement().asString().contains("required, disabled");
    }

    @Test
    void unknownCommandIsBadInput() {
        Cli.Result r = Cli.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(CliException.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("frobnicate");
    }
}
