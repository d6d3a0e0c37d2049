package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;

/** {@link SqlSearchCases} on an in-memory H2 database. */
class SqlSearchTest extends SqlSearchCases {

    @Override
    JdbcRegistryStorage openEmpty() {
        return RegistryDatabases.h2Memory();
    }
}
