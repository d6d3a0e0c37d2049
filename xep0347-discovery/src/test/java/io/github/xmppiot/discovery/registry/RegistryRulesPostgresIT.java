package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;

/** {@link RegistryRulesCases} on PostgreSQL (the test kit's private cluster; a new database per test). */
@PostgresTest
class RegistryRulesPostgresIT extends RegistryRulesCases {

    private final PostgresServer pg;
    private String database;

    RegistryRulesPostgresIT(PostgresServer pg) {
        this.pg = pg;
    }

    @Override
    JdbcRegistryStorage open(boolean fresh) {
        if (fresh) {
            database = pg.createDatabase("registry_rules");
        }
        return RegistryDatabases.postgres(pg, database);
    }
}
