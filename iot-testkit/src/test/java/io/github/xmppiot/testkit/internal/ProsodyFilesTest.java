package io.github.xmppiot.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file helpers behind the servers' logs and directories, and the executable lookup. */
class ProsodyFilesTest {

    @TempDir
    Path dir;

    @Test
    void deletesATreeAndIgnoresAMissingOne() throws IOException {
        Path root = dir.resolve("server");
        Files.createDirectories(root.resolve("data/accounts"));
        Files.writeString(root.resolve("data/accounts/a.dat"), "x");
        Files.writeString(root.resolve("prosody.log"), "y");

        ProsodyFiles.deleteRecursively(root);
        ProsodyFiles.deleteRecursively(root);

        assertThat(root).doesNotExist();
        assertThat(dir).exists();
    }

    @Test
    void readsFromAnOffsetClampedToTheFile() throws IOException {
        Path log = dir.resolve("log");
        Files.writeString(log, "héllo", StandardCharsets.UTF_8);

        assertThat(ProsodyFiles.readFrom(log, 0)).isEqualTo("héllo");
        assertThat(ProsodyFiles.readFrom(log, 3)).isEqualTo("llo");
        assertThat(ProsodyFiles.readFrom(log, -5)).isEqualTo("héllo");
        assertThat(ProsodyFiles.readFrom(log, 100)).isEmpty();
        assertThat(ProsodyFiles.readFrom(dir.resolve("missing"), 0)).isEmpty();
        assertThat(ProsodyFiles.readFrom(dir, 0)).startsWith("(cannot read " + dir);
    }

    @Test
    void sizeIsZeroForAMissingFile() throws IOException {
        Path log = dir.resolve("log");
        Files.writeString(log, "12345");

        assertThat(ProsodyFiles.size(log)).isEqualTo(5);
        assertThat(ProsodyFiles.size(dir.resolve("missing"))).isZero();
    }

    @Test
    void tailKeepsTheLastLines() {
        assertThat(ProsodyFiles.tail("a\nb\nc\nd", 2)).isEqualTo("c\nd");
        assertThat(ProsodyFiles.tail("a\nb", 5)).isEqualTo("a\nb");
        assertThat(ProsodyFiles.tail("a\nb\n", 1)).isEmpty();
    }

    @Test
    void findsExecutablesByPathOrName() throws IOException {
        Path script = dir.resolve("tool");
        Files.writeString(script, "#!/bin/sh\n");
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "text");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        assertThat(Executables.find(script.toString())).contains(script.toAbsolutePath());
        assertThat(Executables.find(plain.toString())).isEmpty();
        assertThat(Executables.find(dir.toString())).isEmpty();
        assertThat(Executables.find("sh")).hasValueSatisfying(p -> assertThat(p).isExecutable());
        assertThat(Executables.find("no-such-command-xmpp-iot")).isEmpty();
    }
}
