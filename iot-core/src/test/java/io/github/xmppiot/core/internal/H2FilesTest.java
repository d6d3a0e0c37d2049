package io.github.xmppiot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xmppiot.core.internal.SqlDatabase.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only database files and directories, paths that cannot smuggle settings in, and the closed pool. */
class H2FilesTest {

    @TempDir
    Path dir;

    private void assumePosix() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file system");
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void missingDirectoriesAndTheFileAreCreatedOwnerOnly() throws Exception {
        assumePosix();
        Path file = dir.resolve("a/b/store");
        String url = H2Files.fileUrl(file, H2Files.DURABLE);
        assertThat(url).isEqualTo("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0");
        assertThat(perms(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(perms(dir.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(perms(dir.resolve("a/b/store.mv.db"))).isEqualTo("rw-------");
        assertThat(Files.size(dir.resolve("a/b/store.mv.db"))).isZero();
    }

    @Test
    void anExistingDatabaseIsTightenedAndExistingDirectoriesAreLeftAlone() throws Exception {
        assumePosix();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.writeString(shared.resolve("old.mv.db"), "data");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        H2Files.fileUrl(shared.resolve("old"), "");
        assertThat(perms(db)).isEqualTo("rw-------");
        assertThat(Files.readString(db)).as("the data is kept").isEqualTo("data");
        assertThat(perms(shared)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aPathWithSettingsOrTheSuffixIsRefused() {
        assertThatThrownBy(() -> H2Files.fileUrl(dir.resolve("x;MODE=MySQL"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains ';'");
        Path withSuffix = dir.resolve("store.mv.db");
        assertThatThrownBy(() -> H2Files.fileUrl(withSuffix, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give the database path without the .mv.db suffix: "
                        + dir.resolve("store").toAbsolutePath());
        assertThat(Files.exists(withSuffix)).isFalse();
    }

    @Test
    void aDatabaseInAFileThatCannotBeCreatedNamesIt() throws Exception {
        Path blocker = Files.writeString(dir.resolve("plain"), "not a directory");
        assertThatThrownBy(() -> H2Files.fileUrl(blocker.resolve("db"), ""))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("cannot create the database file " + blocker.resolve("db") + ".mv.db");
    }

    @Test
    void aClosedDatabaseHandsOutNoConnections() throws Exception {
        SqlDatabase db = SqlDatabase.open(Location.h2File(dir.resolve("c"), ""), "test", "sqldatabase/test", 2);
        db.dataSource().getConnection().close();
        db.close();
        assertThatThrownBy(() -> db.dataSource().getConnection()).isInstanceOf(SQLException.class);
    }

    @Test
    void aLocationNeverShowsItsPassword() {
        Location l = new Location("jdbc:postgresql://db.example/iot?ssl=true&password=s3cret&x=1", "iot", "pw");
        assertThat(l.toString())
                .isEqualTo("Location[jdbc:postgresql://db.example/iot?ssl=true&password=***&x=1, user=iot]")
                .doesNotContain("s3cret")
                .doesNotContain("pw");
        Location userInfo = new Location("jdbc:postgresql://iot:s3cret@db.example/iot", null, null);
        assertThat(userInfo.toString()).isEqualTo("Location[jdbc:postgresql://***@db.example/iot, user=null]");
        assertThatThrownBy(() -> new Location("jdbc:mysql://u:s3cret@db/x", null, null))
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("jdbc:mysql://***@db/x");
    }

    @Test
    void aServerDatabaseWithoutItsDriverNamesTheArtifact() {
        Location pg = Location.server("postgresql://127.0.0.1:1/none", null, null);
        assertThatThrownBy(() -> SqlDatabase.open(pg, "test", "sqldatabase/test", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.postgresql:postgresql");
    }
}
