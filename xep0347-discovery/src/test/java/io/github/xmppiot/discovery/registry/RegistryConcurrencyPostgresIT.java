package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;

/** {@link RegistryConcurrencyCases} on one PostgreSQL database (a new one per test). */
@PostgresTest
class RegistryConcurrencyPostgresIT extends RegistryConcurrencyCases {

    private final PostgresServer pg;
    private String database;

    RegistryConcurrencyPostgresIT(PostgresServer pg) {
        this.pg = pg;
    }

    @Override
    JdbcRegistryStorage open(boolean first) {
        if (first) {
            database = pg.createDatabase("registry_concurrency");
        }
        return RegistryDatabases.postgres(pg, database);
    }
}
