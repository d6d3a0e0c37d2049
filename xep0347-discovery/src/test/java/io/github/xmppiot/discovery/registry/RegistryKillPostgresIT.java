package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RegistryKillTest} on PostgreSQL: a registry killed with SIGKILL loses no acknowledged registration. */
@PostgresTest
class RegistryKillPostgresIT {

    @Test
    void acknowledgedRegistrationsSurviveKillMinus9(PostgresServer pg) throws Exception {
        String db = pg.createDatabase("registry_kill");
        RegistryKillTest.killAndCheck(
                pg.jdbcUrl(db),
                Map.of("XMPP_IOT_DB_USER", PostgresServer.USER, "XMPP_IOT_DB_PASSWORD", pg.password()),
                () -> RegistryDatabases.postgres(pg, db));
    }
}
