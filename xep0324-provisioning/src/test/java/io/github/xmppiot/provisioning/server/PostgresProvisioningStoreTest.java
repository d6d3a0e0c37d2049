package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ProvisioningStoreContract} on PostgreSQL, and two stores on one database as two provisioning server
 * instances use it: one claim wins, and what one writes the other reads at once (no cache in the store).
 */
@PostgresTest
class PostgresProvisioningStoreTest extends ProvisioningStoreContract {

    private final PostgresServer pg;

    PostgresProvisioningStoreTest(PostgresServer pg) {
        this.pg = pg;
    }

    @Override
    String newDatabase() {
        return pg.createDatabase("prov");
    }

    @Override
    JdbcProvisioningStore open(String database, Duration tokenLifetime, Clock clock) throws Exception {
        return JdbcProvisioningStore.postgresql(
                "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + database,
                PostgresServer.USER,
                pg.password(),
                tokenLifetime,
                clock,
                4);
    }

    /** Terminates every other session on the database, as the death of the server process would end them. */
    @Override
    void crash(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), PostgresServer.USER, pg.password());
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()");
        }
    }

    @Test
    void twoInstancesOnOneDatabaseHaveOneWinnerPerClaimAndSeeEachOthersRules() throws Exception {
        String db = newDatabase();
        try (JdbcProvisioningStore a = open(db);
                JdbcProvisioningStore b = open(db)) {
            for (int i = 0; i < 5; i++) {
                assertThat(claimConcurrently(List.of(a, b), "thing" + i + "@x", 8))
                        .hasSize(1);
            }
            Rule read = new Rule("thing0@x", AccessRequest.Kind.READ, "bob@x", List.of(), List.of("Temperature"));
            a.putRule(read);
            assertThat(b.rules("thing0@x", AccessRequest.Kind.READ)).containsExactly(read);
            b.removeRule("thing0@x", AccessRequest.Kind.READ, "bob@x");
            assertThat(a.rules("thing0@x", AccessRequest.Kind.READ)).isEmpty();
            a.setClearPending("thing0@x", true);
            assertThat(b.clearPending()).containsExactly("thing0@x");
        }
    }

    @Test
    void concurrentPrivilegeListsFromTwoInstancesLeaveOneWholeList() throws Exception {
        String db = newDatabase();
        try (JdbcProvisioningStore a = open(db);
                JdbcProvisioningStore b = open(db)) {
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JdbcProvisioningStore store = i % 2 == 0 ? a : b;
                List<PrivilegeRule> list = List.of(new PrivilegeRule(true, "A" + i), new PrivilegeRule(false, "B" + i));
                writes.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                store.setPrivileges("svc@x", "kermit", list);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        writers));
            }
            try {
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
            } finally {
                writers.shutdownNow();
            }
            List<PrivilegeRule> kept = b.privileges("svc@x", "kermit");
            assertThat(kept).hasSize(2);
            assertThat(kept.get(0).id().substring(1))
                    .as("one writer's whole list, not a mix")
                    .isEqualTo(kept.get(1).id().substring(1));
        }
    }
}
