package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xmpp-iot demo} as the README's first command runs it, {@code java -jar xmpp-iot-demo.jar demo} on the packaged
 * jar: every step succeeds without any XMPP server or configuration, and the demo leaves nothing in its temporary
 * directory.
 */
class DemoCommandTest {

    @Test
    void everyStepSucceedsAndNothingIsLeftBehind(@TempDir Path tmp) throws Exception {
        Path javaTmp = Files.createDirectory(tmp.resolve("java.io.tmpdir"));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + javaTmp,
                        "-jar",
                        System.getProperty("xmppiot.demo.jar"),
                        "demo")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the demo ended").isTrue();
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out)
                .startsWith("[1] Start an XMPP server")
                .contains("[9] Read the new Garage device")
                .containsPattern("IoTDisco;\\S*KEY:")
                .contains("node Kitchen is owned by owner@iot.localhost (the hub was told)")
                .containsPattern("Kitchen\\s+Temperature\\s+25\\.08\\s+°C")
                .containsPattern("Kitchen\\s+Relay\\s+true")
                .containsPattern("Garage\\s+Light\\s+320\\.00\\s+lx")
                .contains("Demo complete: every step succeeded")
                .doesNotContain("FAILED", "Exception", "WARN");
        assertThat(out.lines().filter(l -> l.matches("\\s+ok \\(\\d+ ms\\)"))).hasSize(9);
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertThat(left.map(Path::toString).toList())
                    .as("left in java.io.tmpdir")
                    .isEqualTo(List.of());
        }
    }
}
