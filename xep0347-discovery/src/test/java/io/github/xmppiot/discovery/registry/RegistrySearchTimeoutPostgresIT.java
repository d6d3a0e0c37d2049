package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * {@link RegistrySearchTimeoutTest} on PostgreSQL, and a timeout PostgreSQL really enforces: while another session
 * holds a lock on the tag table, the search waits until the query timeout cancels it (SQL state 57014), and the
 * requester is answered {@code resource-constraint}.
 */
@PostgresTest
class RegistrySearchTimeoutPostgresIT extends RegistrySearchTimeoutTest {

    private final PostgresServer pg;

    RegistrySearchTimeoutPostgresIT(PostgresServer pg) {
        this.pg = pg;
    }

    @Override
    SqlDatabase.Location location() {
        return SqlDatabase.Location.server(
                pg.jdbcUrl(pg.createDatabase("search_timeout")), PostgresServer.USER, pg.password());
    }

    @Test
    void aSearchBlockedLongerThanTheTimeoutIsCancelledByTheDatabase() throws Exception {
        String db = pg.createDatabase("search_blocked");
        try (JdbcRegistryStorage storage = RegistryDatabases.postgres(pg, db);
                Connection locker = DriverManager.getConnection(pg.jdbcUrl(db), PostgresServer.USER, pg.password())) {
            RegistryRules rules =
                    new RegistryRules(storage, RegistryOptions.defaults().withSearchLimits(20, Duration.ofSeconds(1)));
            rules.register(
                    JidCreate.from("thing@example.org/x"),
                    new Register(List.of(str("MODEL", "IMC"), str("KEY", "k-1234567890")), null, false));
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE tag IN ACCESS EXCLUSIVE MODE");
                assertThatThrownBy(() -> rules.search(
                                new Search(List.of(new StringComparison(Comparison.EQ, "MODEL", "IMC")), 0, null)))
                        .isInstanceOfSatisfying(
                                IotErrorException.class,
                                e -> org.assertj.core.api.Assertions.assertThat(e.condition())
                                        .isEqualTo(Condition.resource_constraint))
                        .hasMessageContaining("PT1S");
            } finally {
                locker.rollback();
            }
            rules.claim(
                    JidCreate.from("owner@example.org/x"),
                    new Mine(List.of(str("MODEL", "IMC"), str("KEY", "k-1234567890")), null, true));
            org.assertj.core.api.Assertions.assertThat(rules.search(
                                    new Search(List.of(new StringComparison(Comparison.EQ, "MODEL", "IMC")), 0, null))
                            .things())
                    .hasSize(1);
        }
    }
}
