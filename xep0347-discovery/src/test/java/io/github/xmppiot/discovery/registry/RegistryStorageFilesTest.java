package io.github.xmppiot.discovery.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's database holds the Things' KEYs: owner-only file and new directories, no settings from the path. */
class RegistryStorageFilesTest {

    @TempDir
    Path dir;

    @Test
    void theDatabaseFileAndItsNewDirectoryAreOwnerOnly() throws Exception {
        JdbcRegistryStorage.h2(dir.resolve("data/registry")).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/registry.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aSemicolonInThePathIsRefused() {
        assertThatThrownBy(() -> JdbcRegistryStorage.h2(dir.resolve("registry;WRITE_DELAY=10000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose a path without ';'");
    }
}
