package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;

/** {@link SqlSearchCases} on PostgreSQL (a new database per test). */
@PostgresTest
class SqlSearchPostgresIT extends SqlSearchCases {

    private final PostgresServer pg;

    SqlSearchPostgresIT(PostgresServer pg) {
        this.pg = pg;
    }

    @Override
    JdbcRegistryStorage openEmpty() {
        return RegistryDatabases.postgres(pg, pg.createDatabase("sql_search"));
    }
}
