package io.github.xmppiot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program as users run it: the {@code .tar.gz} built by this module is extracted and its launcher
 * {@code bin/xmpp-iot} started in its own process. It finds the Pi4J providers of the Raspberry Pi plugins it ships
 * (gpiod, linuxfs, raspberrypi), runs a hub on the {@code pi4j} backend against Prosody with Pi4J's mock plugin
 * standing in for the pins, takes the password from a systemd credential, and carries no Vysper.
 */
@ProsodyTest
class PackagedProgramIT {

    /** Providers a Raspberry Pi needs; Pi4J 2.8.0 picks gpiod for GPIO and linuxfs for I2C, PWM and SPI. */
    private static final List<String> PI_PROVIDERS =
            List.of("gpiod-digital-input", "gpiod-digital-output", "linuxfs-i2c", "linuxfs-pwm", "linuxfs-spi");

    @TempDir
    static Path installed;

    private static Launcher launcher;

    @BeforeAll
    static void extract() throws Exception {
        launcher = Launcher.extract(Path.of(System.getProperty("xmppiot.dist.tarball")), installed);
    }

    @Test
    void theArchiveHoldsTheLauncherTheProgramAndTheUnits() throws Exception {
        Path home = launcher.home();
        assertThat(Files.isExecutable(launcher.script())).isTrue();
        assertThat(home.resolve("lib/xmpp-iot.jar")).isRegularFile();
        for (String role : List.of("hub", "registry", "provisioning")) {
            assertThat(Files.readString(home.resolve("systemd/xmpp-iot-" + role + ".service")))
                    .contains(
                            "User=xmpp-iot",
                            "LoadCredential=xmpp-password:/etc/credstore/xmpp-iot-" + role + ".password",
                            "Restart=on-failure",
                            "ExecStart=/usr/bin/xmpp-iot " + role)
                    .doesNotContain("--password");
            assertThat(home.resolve("default/xmpp-iot-" + role)).isRegularFile();
        }
        assertThat(home.resolve("doc/examples/hub.json")).isRegularFile();
        List<String> entries;
        try (ZipFile jar = new ZipFile(home.resolve("lib/xmpp-iot.jar").toFile())) {
            entries = Collections.list(jar.entries()).stream()
                    .map(e -> e.getName())
                    .toList();
        }
        assertThat(entries)
                .as("the field program carries no demo server")
                .noneMatch(n -> n.startsWith("org/apache/vysper/")
                        || n.startsWith("org/apache/mina/")
                        || n.startsWith("io/github/xmppiot/examples/demo/")
                        || n.startsWith("com/jcraft/"));
        assertThat(entries)
                .contains(
                        "com/pi4j/plugin/gpiod/GpioDPlugin.class",
                        "com/pi4j/plugin/linuxfs/LinuxFsPlugin.class",
                        "com/pi4j/plugin/raspberrypi/RaspberryPiPlugin.class",
                        "lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so",
                        "lib/armhf/pi4j-gpiod/libpi4j-gpiod.so",
                        "lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so",
                        "lib/armhf/pi4j-linuxfs/libpi4j-linuxfs.so");
    }

    @Test
    void answersHelpAndVersionAndPointsToTheDemo() throws Exception {
        Launcher.Result help = launcher.run(Map.of(), List.of("--help"));
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: xmpp-iot", "hub", "thing", "registry", "provisioning");
        Launcher.Result version = launcher.run(Map.of(), List.of("--version"));
        assertThat(version.out()).contains("xmpp-iot " + System.getProperty("xmppiot.dist.version"));
        Launcher.Result demo = launcher.run(Map.of(), List.of("demo"));
        assertThat(demo.exitCode()).isEqualTo(1);
        assertThat(demo.err()).contains("xmpp-iot-demo.jar");
    }

    @Test
    void namesAMissingPasswordFileAndAMissingCredential(@TempDir Path dir) throws Exception {
        List<String> read = List.of("read", "--jid", "owner@example.org", "thing@example.org/x");
        Launcher.Result file =
                launcher.run(Map.of("XMPP_PASSWORD_FILE", dir.resolve("nope").toString()), read);
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).contains("cannot read the password file " + dir.resolve("nope"));
        Launcher.Result credential = launcher.run(Map.of("CREDENTIALS_DIRECTORY", dir.toString()), read);
        assertThat(credential.err())
                .contains("no credential xmpp-password in " + dir, "LoadCredential=xmpp-password:FILE");
    }

    @Test
    void findsThePi4jProvidersOfTheRaspberryPi(ProsodyServer server, @TempDir Path dir) throws Exception {
        // a provider id that no plugin has: the program names the providers it found
        Path config = Files.writeString(dir.resolve("hub.json"), """
                {"rootId": "Hub", "hal": {"backend": "pi4j", "options": {"pi4j.provider.i2c": "no-such-provider"}},
                 "nodes": []}
                """);
        Path password = secret(dir.resolve("password"), server.password("hub"));
        Launcher.Result r = launcher.run(
                Map.of("XMPP_PASSWORD_FILE", password.toString()),
                args(server, "hub", "hub", "--config", config.toString()));
        assertThat(r.exitCode()).as(r.out()).isNotZero();
        assertThat(r.err()).contains("no-such-provider").contains(PI_PROVIDERS);
    }

    @Test
    void runsAHubOnPi4jWithTheMockPluginForPins(ProsodyServer server, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("hub.json"), """
                {"rootId": "Hub",
                 "hal": {"backend": "pi4j", "options": {"pi4j.provider.digital-output": "mock-digital-output"}},
                 "nodes": [{"id": "Heater", "type": "relay", "parameters": {"pin": 22}}]}
                """);
        // the password as systemd's LoadCredential= hands it over
        Path credentials = Files.createDirectory(dir.resolve("credentials"));
        secret(credentials.resolve("xmpp-password"), server.password("hub2"));
        Map<String, String> env = Map.of(
                "CREDENTIALS_DIRECTORY",
                credentials.toString(),
                "XMPP_IOT_CLASSPATH",
                Launcher.testJar("pi4j-plugin-mock").toString());
        Path logs = Files.createDirectory(dir.resolve("hub"));
        Process hub = launcher.start(
                env,
                args(
                        server,
                        "hub2",
                        "hub",
                        "--config",
                        config.toString(),
                        "--allow",
                        server.jid("owner").toString(),
                        "--resource",
                        "hub"),
                logs);
        try {
            String hubJid = Launcher.await(hub, logs.resolve("out"), "online as (\\S+)", 60);
            assertThat(Files.readString(logs.resolve("out"))).containsPattern("Heater\\s+relay\\s+Hub");
            Launcher.Result set = launcher.run(
                    Map.of("XMPP_PASSWORD", server.password("owner")),
                    args(server, "owner", "set", hubJid, "--node", "Heater", "Output=true"));
            assertThat(set.exitCode()).as(set.err()).isZero();
            Launcher.Result read = launcher.run(
                    Map.of("XMPP_PASSWORD", server.password("owner")),
                    args(server, "owner", "read", hubJid, "--node", "Heater"));
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).containsPattern("Heater\\s+Output\\s+true");
        } finally {
            hub.destroy(); // SIGTERM, as systemd stops it
            assertThat(hub.waitFor(30, TimeUnit.SECONDS))
                    .as("the hub stopped on SIGTERM")
                    .isTrue();
        }
    }

    /** Connection options of a Prosody account, without the password (it comes from the environment). */
    private static List<String> args(ProsodyServer server, String user, String... command) {
        server.ensureAccount(user);
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(
                "--jid",
                server.jid(user).toString(),
                "--host",
                ProsodyServer.HOST,
                "--port",
                String.valueOf(server.port())));
        server.certificate().ifPresent(c -> a.addAll(List.of("--trust-cert", c.toString())));
        return a;
    }

    private static Path secret(Path file, String password) throws Exception {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }
}
