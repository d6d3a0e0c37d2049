package io.github.xmppiot.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life cycle shared by the Prosody and ejabberd instances, over a server that runs no process. */
class AbstractServerInstanceTest {

    @TempDir
    Path tmp;

    /** Records what the base class asks of it; the first {@code taken} launches find their port taken. */
    static final class FakeInstance extends AbstractServerInstance {
        final List<String> calls = new ArrayList<>();
        final List<Integer> ports = new ArrayList<>();
        int taken;

        FakeInstance(Path dir, TestCertificate certificate, int taken) {
            super("Fake", dir, certificate);
            this.taken = taken;
        }

        @Override
        void launch() {
            calls.add("launch");
            ports.add(port());
            if (taken > 0) {
                taken--;
                throw new PortTakenException(port(), new IOException("address in use"));
            }
        }

        @Override
        void stopProcess() {
            calls.add("stop");
        }

        @Override
        void killProcess() {
            calls.add("kill");
        }

        @Override
        public Path logFile() {
            return directory().resolve("fake.log");
        }

        @Override
        public boolean isRunning() {
            return false;
        }
    }

    Path serverDir() throws IOException {
        return Files.createDirectories(tmp.resolve("server"));
    }

    @Test
    void startsOnAFreeLoopbackPortAndExposesItsCertificate() throws IOException {
        TestCertificate cert = new TestCertificate(tmp.resolve("c.pem"), tmp.resolve("k.pem"));
        FakeInstance f = new FakeInstance(serverDir(), cert, 0);

        f.startFirst();
        try {
            assertThat(f.calls).containsExactly("launch");
            assertThat(f.port()).isBetween(1, 65535).isEqualTo(f.ports.get(0));
            assertThat(f.certificate()).contains(tmp.resolve("c.pem"));
            assertThat(f.testCertificate()).isSameAs(cert);
            assertThat(f.directory()).isEqualTo(tmp.resolve("server"));
        } finally {
            f.close();
        }
    }

    @Test
    void aTakenPortIsReplacedByAnotherUpToThreeTimes() throws IOException {
        FakeInstance f = new FakeInstance(serverDir(), null, 2);

        f.startFirst();
        try {
            assertThat(f.calls).containsExactly("launch", "launch", "launch");
            assertThat(f.certificate()).isEmpty();
        } finally {
            f.close();
        }
    }

    @Test
    void aThirdTakenPortFailsTheStartAndRemovesTheServer() throws IOException {
        FakeInstance f = new FakeInstance(serverDir(), null, 3);

        assertThatThrownBy(f::startFirst)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was taken by another process 3 times")
                .hasCauseInstanceOf(AbstractServerInstance.PortTakenException.class);
        assertThat(f.calls).containsExactly("launch", "launch", "launch", "stop");
        assertThat(tmp.resolve("server")).doesNotExist();
    }

    @Test
    void restartAndKillRelaunchOnTheSamePort() throws IOException {
        FakeInstance f = new FakeInstance(serverDir(), null, 0);
        f.startFirst();
        int port = f.port();

        f.restart();
        f.killAndStart();

        assertThat(f.calls).containsExactly("launch", "stop", "launch", "kill", "launch");
        assertThat(f.ports).containsOnly(port);
        f.close();
    }

    @Test
    void aPortTakenOnRestartOrAfterAKillIsReported() throws IOException {
        FakeInstance f = new FakeInstance(serverDir(), null, 0);
        f.startFirst();
        f.taken = 2;
        try {
            assertThatThrownBy(f::restart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Cannot restart Fake: Port " + f.port());
            assertThatThrownBy(f::killAndStart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Cannot start Fake again after kill: Port " + f.port());
        } finally {
            f.close();
        }
    }

    @Test
    void closeStopsOnceDeletesTheDirectoryAndForbidsRestarts() throws IOException {
        FakeInstance f = new FakeInstance(serverDir(), null, 0);
        f.startFirst();

        f.close();
        f.close();

        assertThat(f.calls).containsExactly("launch", "stop");
        assertThat(tmp.resolve("server")).doesNotExist();
        assertThatThrownBy(f::restart).isInstanceOf(IllegalStateException.class).hasMessage("The server is closed");
        assertThatThrownBy(f::killAndStart)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The server is closed");
        assertThat(f.calls).containsExactly("launch", "stop");
    }

    @Test
    void theLogIsFollowedByTheConsoleOutputWhenThereIsAny() throws IOException {
        FakeInstance f = new FakeInstance(serverDir(), null, 0);
        Files.writeString(f.logFile(), "line 1\nline 2\n");

        assertThat(f.logSince(0)).isEqualTo("line 1\nline 2\n");
        assertThat(f.logSince(7)).isEqualTo("line 2\n");
        Files.writeString(f.directory().resolve("console.log"), " \n");
        assertThat(f.logSince(7)).isEqualTo("line 2\n");
        Files.writeString(f.directory().resolve("console.log"), "lua error\n");
        assertThat(f.logSince(7)).isEqualTo("line 2\n\n--- Fake console output ---\nlua error\n");
    }
}
