package io.github.xmppiot.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the kit starts, watches and stops a Prosody process, with shell scripts standing in for Prosody: they write
 * Prosody's log lines to {@code prosody.log} next to the configuration file they are given, and end by themselves
 * within a minute even if a test (or a mutant) leaves them running.
 */
class ProsodyProcessTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    Path script(String body) throws IOException {
        Path s = dir.resolve("fake-prosody");
        Files.writeString(s, "#!/bin/sh\nLOG=\"$(dirname \"$3\")/prosody.log\"\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    ProsodyProcess start(Path binary, int port, Duration timeout) throws IOException {
        return ProsodyProcess.start(
                binary, dir.resolve("prosody.cfg.lua"), dir, dir.resolve("prosody.log"), port, timeout);
    }

    @Test
    void aProcessThatExitsFailsTheStartWithItsStatusAndKeepsItsOutput() throws IOException {
        Path binary = script("echo \"lua: syntax error in $3 ($1 $2)\"\nexit 3\n");

        assertThatThrownBy(() -> start(binary, 1, WAIT))
                .isInstanceOf(IOException.class)
                .hasMessage("Prosody exited during startup with status 3");
        assertThat(Files.readString(dir.resolve("console.log")))
                .isEqualTo("lua: syntax error in " + dir.resolve("prosody.cfg.lua") + " (-F --config)\n");
    }

    @Test
    void aTakenPortIsReportedAndTheProcessStopped() throws IOException {
        Path binary = script("echo \"old line\" >> \"$LOG\"\necho \"" + ProsodyProcess.BIND_FAILURE
                + " 5222\" >> \"$LOG\"\nexec sleep 60\n");

        assertThatThrownBy(() -> start(binary, 5222, WAIT))
                .isInstanceOf(ProsodyProcess.PortInUseException.class)
                .hasMessage("Port 5222 was taken by another process");
    }

    @Test
    void aBindFailureLoggedByAnEarlierRunDoesNotCount() throws IOException {
        Files.writeString(dir.resolve("prosody.log"), ProsodyProcess.BIND_FAILURE + " (earlier run)\n");
        Path binary = script("exec sleep 60\n");

        assertThatThrownBy(() -> start(binary, 1, Duration.ofMillis(300)))
                .isInstanceOf(IOException.class)
                .hasMessage("Prosody did not accept connections on port 1 within PT0.3S");
    }

    @Test
    void startReturnsOnceC2sIsActivatedAndThePortAcceptsThenStopWaitsForTheShutdown() throws IOException {
        try (ServerSocket c2s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path binary = script("trap 'echo \"" + ProsodyProcess.SHUTDOWN_COMPLETE + "\" >> \"$LOG\"; exit 0' TERM\n"
                    + "echo \"" + ProsodyProcess.C2S_ACTIVATED + " [127.0.0.1]:" + c2s.getLocalPort()
                    + "\" >> \"$LOG\"\n"
                    + "sleep 30 &\nwait\n");

            ProsodyProcess p = start(binary, c2s.getLocalPort(), WAIT);

            assertThat(p.isAlive()).isTrue();
            assertThat(p.pid()).isPositive();
            p.stop();
            assertThat(p.isAlive()).isFalse();
            assertThat(Files.readString(dir.resolve("prosody.log"))).endsWith(ProsodyProcess.SHUTDOWN_COMPLETE + "\n");
        }
    }

    @Test
    void anActivatedServiceWhosePortDoesNotAcceptIsNotStartedAndKillEndsAProcessAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path binary = script("echo \"" + ProsodyProcess.C2S_ACTIVATED + "\" >> \"$LOG\"\n" + "exec sleep 30\n");

        assertThatThrownBy(() -> start(binary, closedPort, Duration.ofMillis(500)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not accept connections on port " + closedPort);

        try (ServerSocket c2s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProsodyProcess p = start(binary, c2s.getLocalPort(), WAIT);
            p.kill();
            assertThat(p.isAlive()).isFalse();
        }
    }
}
