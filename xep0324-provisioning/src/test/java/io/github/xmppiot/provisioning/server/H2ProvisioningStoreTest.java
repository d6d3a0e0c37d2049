package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProvisioningStoreContract} on an embedded H2 file, and the adoption of a file from before migrations. */
class H2ProvisioningStoreTest extends ProvisioningStoreContract {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    String newDatabase() {
        return dir.resolve("prov" + NEXT.incrementAndGet()).toString();
    }

    @Override
    JdbcProvisioningStore open(String database, Duration tokenLifetime, Clock clock) throws Exception {
        return JdbcProvisioningStore.h2(Path.of(database), tokenLifetime, clock);
    }

    /** Simulates kill -9: H2 closes its files without any clean-up (SHUTDOWN IMMEDIATELY). */
    @Override
    void crash(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + Path.of(database).toAbsolutePath(), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    @Test
    void aFileOfAnOlderReleaseIsAdoptedWithItsRows() throws Exception {
        String file = newDatabase();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + Path.of(file).toAbsolutePath(), "sa", "");
                Statement s = c.createStatement()) {
            // the schema as the first releases created it (before secondary trust and token expiry)
            s.execute("CREATE TABLE things (thing VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL)");
            s.execute("CREATE TABLE rules (thing VARCHAR, kind VARCHAR, principal VARCHAR, nodes VARCHAR NOT NULL, "
                    + "names VARCHAR NOT NULL, PRIMARY KEY (thing, kind, principal))");
            s.execute(
                    "CREATE TABLE tokens (token VARCHAR PRIMARY KEY, holder VARCHAR NOT NULL, cert VARBINARY NOT NULL)");
            s.execute("CREATE TABLE claim_keys (thing VARCHAR PRIMARY KEY, key_hash VARBINARY NOT NULL)");
            s.execute("INSERT INTO things VALUES ('t@x', 'alice@x')");
            s.execute("INSERT INTO rules VALUES ('t@x', 'READ', 'bob@x', '', 'Temperature')");
            s.execute("INSERT INTO tokens VALUES ('TOK', 't@x', X'0102')");
        }
        try (JdbcProvisioningStore store = open(file)) {
            store.setClaimKey("u@x", "KEY");
            assertThat(store.owner("t@x")).contains("alice@x");
            assertThat(store.secondaryTrust("t@x")).isFalse();
            assertThat(store.rules("t@x", AccessRequest.Kind.READ))
                    .extracting(Rule::principal)
                    .containsExactly("bob@x");
            assertThat(store.tokenHolder("TOK"))
                    .as("a token issued before expiry existed never expires")
                    .contains("t@x");
            assertThat(store.claimKeyMatches("u@x", "KEY")).isTrue();
            assertThat(store.isReferenced("bob@x")).isTrue();
        }
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + Path.of(file).toAbsolutePath(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT \"version\" FROM \"flyway_provisioning_history\" WHERE \"success\""
                                + " AND \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("3");
            assertThat(rs.next()).isFalse();
        }
    }
}
