package io.github.xmppiot.provisioning.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.provisioning.internal.H2DecisionStore;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database files that hold owners, claim-key hashes, tokens and decisions are owner-only whatever the umask, in
 * directories created owner-only, and a path cannot add H2 settings to the JDBC URL.
 */
class StoreFilesTest {

    @TempDir
    Path dir;

    @Test
    void databaseFilesAndTheirNewDirectoriesAreOwnerOnly() throws Exception {
        Path rules = dir.resolve("data/provisioning/rules");
        try (JdbcProvisioningStore store = JdbcProvisioningStore.h2(rules)) {
            store.putToken("T", "holder@example.org", new byte[] {1});
        }
        Path cache = dir.resolve("device/cache");
        try (H2DecisionStore store = new H2DecisionStore(cache)) {
            store.put(new H2DecisionStore.Row("k", "allow", 1));
        }
        assertThat(perms(dir.resolve("data/provisioning/rules.mv.db"))).isEqualTo("rw-------");
        assertThat(perms(dir.resolve("data/provisioning"))).isEqualTo("rwx------");
        assertThat(perms(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(perms(dir.resolve("device/cache.mv.db"))).isEqualTo("rw-------");
        assertThat(perms(dir.resolve("device"))).isEqualTo("rwx------");
    }

    @Test
    void anExistingWorldReadableDatabaseIsTightenedWhenOpened() throws Exception {
        Path rules = dir.resolve("old");
        Files.createFile(
                dir.resolve("old.mv.db"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.setPosixFilePermissions(dir.resolve("old.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        JdbcProvisioningStore.h2(rules).close();
        assertThat(perms(dir.resolve("old.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void aSemicolonInThePathCannotInjectH2Settings() {
        Path evil = dir.resolve("rules;INIT=RUNSCRIPT FROM 'x.sql'");
        assertThatThrownBy(() -> JdbcProvisioningStore.h2(evil))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("';'");
        assertThatThrownBy(() -> new H2DecisionStore(dir.resolve("cache;WRITE_DELAY=5000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose a path without ';'");
        assertThat(dir.resolve("rules.mv.db")).doesNotExist();
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
