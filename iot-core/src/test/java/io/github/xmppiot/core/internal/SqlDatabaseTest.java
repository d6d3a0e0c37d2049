package io.github.xmppiot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.internal.SqlDatabase.Dialect;
import io.github.xmppiot.core.internal.SqlDatabase.Location;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnH2FileOnceAndKeepsItsDataAcrossReopening() throws Exception {
        Location location = Location.h2File(dir.resolve("db"), "");
        try (SqlDatabase db = SqlDatabase.open(location, "test", "sqldatabase/test", 2)) {
            assertThat(db.dialect()).isEqualTo(Dialect.H2);
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO item (id, name, note) VALUES (1, 'a', 'n')");
            }
        }
        try (SqlDatabase db = SqlDatabase.open(location, "test", "sqldatabase/test", 2);
                Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet history = st.executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_test_history\" WHERE \"success\" AND \"type\" = 'SQL'")) {
            history.next();
            assertThat(history.getInt(1)).as("V1 and V2, each applied once").isEqualTo(2);
            try (ResultSet rs = st.executeQuery("SELECT name, note FROM item WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + rs.getString(2)).isEqualTo("an");
            }
        }
    }

    @Test
    void adoptsATableCreatedBeforeMigrationsExisted() throws Exception {
        Location location = Location.h2File(dir.resolve("old"), "");
        try (Connection c = java.sql.DriverManager.getConnection(location.jdbcUrl(), "sa", "");
                Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
            st.executeUpdate("INSERT INTO item (id, name) VALUES (7, 'kept')");
        }
        try (SqlDatabase db = SqlDatabase.open(location, "test", "sqldatabase/test", 2);
                Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, note FROM item WHERE id = 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
            assertThat(rs.getString(2)).isNull();
        }
    }

    @Test
    void aServerUrlIsCompletedAndCredentialsInItAreRefused() {
        assertThat(Location.server("postgresql://db.example:5433/iot", "u", "p").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example:5433/iot");
        assertThat(Location.server("jdbc:postgresql://h/iot", null, null).dialect())
                .isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Location.server("postgresql://u:secret@h/iot", null, null))
                .hasMessageContaining("XMPP_IOT_DB_PASSWORD")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Location.server("postgresql://h/iot?password=secret", null, null))
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Location.server("mysql://h/iot", null, null))
                .hasMessageContaining("postgresql://host[:port]/database");
        assertThat(new Location("jdbc:postgresql://h/iot", "u", "secret").toString())
                .doesNotContain("secret");
    }

    @Test
    void aServiceNameMustBeUsableAsATableName() {
        Location location = Location.h2File(dir.resolve("x"), "");
        assertThatThrownBy(() -> SqlDatabase.open(location, "bad-name", "sqldatabase/test", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
