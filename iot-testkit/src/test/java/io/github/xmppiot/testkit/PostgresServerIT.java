package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresServerIT {

    @Test
    void databasesAreSeparateAndNeedThePassword(PostgresServer pg) throws Exception {
        String a = pg.createDatabase("kit");
        String b = pg.createDatabase("kit");
        assertThat(a).isNotEqualTo(b);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(a), PostgresServer.USER, pg.password());
                Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t (v INT)");
            st.executeUpdate("INSERT INTO t VALUES (42)");
            try (ResultSet rs = st.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(b), PostgresServer.USER, pg.password());
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT v FROM t")).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(a), PostgresServer.USER, "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    @Test
    void theClusterIsPrivateAndGoneAfterClose() throws Exception {
        PostgresServer own = PostgresServer.start();
        try {
            assertThat(Files.isDirectory(own.directory().resolve("data"))).isTrue();
            assertThat(own.log()).contains("ready to accept connections");
        } finally {
            own.close();
        }
        assertThat(Files.exists(own.directory())).isFalse();
        assertThatThrownBy(
                        () -> DriverManager.getConnection(own.jdbcUrl("postgres"), PostgresServer.USER, own.password()))
                .isInstanceOf(SQLException.class);
    }
}
