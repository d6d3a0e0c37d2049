package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the kit finds PostgreSQL's binaries, and what it says when they are missing (no server is started). */
class MissingPostgresTest {

    @TempDir
    Path dir;

    String previous;

    @BeforeEach
    void remember() {
        previous = System.getProperty(PostgresServer.BIN_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(PostgresServer.BIN_PROPERTY);
        } else {
            System.setProperty(PostgresServer.BIN_PROPERTY, previous);
        }
    }

    @Test
    void aConfiguredDirectoryWithoutPgCtlNamesTheInstallCommandAndTheSkipSwitch() {
        System.setProperty(PostgresServer.BIN_PROPERTY, dir.toString());

        assertThatThrownBy(PostgresServer::start)
                .isInstanceOf(PostgresNotInstalledException.class)
                .hasMessageContaining("No pg_ctl in " + dir)
                .hasMessageContaining(PostgresServer.BIN_PROPERTY)
                .hasMessageContaining("sudo apt-get install -y postgresql")
                .hasMessageContaining("-Dxmpp.it.skip=true");
    }

    @Test
    void aConfiguredDirectoryWithPgCtlIsUsed() throws Exception {
        Path pgCtl = Files.writeString(dir.resolve("pg_ctl"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwx------"));
        System.setProperty(PostgresServer.BIN_PROPERTY, dir.toString());

        assertThat(PostgresServer.binaries()).isEqualTo(dir);
    }

    @Test
    void withoutTheSettingTheInstalledBinariesAreFound() {
        // like the PostgreSQL integration tests, this one needs PostgreSQL installed unless they are skipped
        Assumptions.assumeFalse(Boolean.getBoolean(ProsodyExtension.SKIP_PROPERTY));
        System.clearProperty(PostgresServer.BIN_PROPERTY);

        assertThat(PostgresServer.binaries().resolve("pg_ctl")).isExecutable();
    }
}
