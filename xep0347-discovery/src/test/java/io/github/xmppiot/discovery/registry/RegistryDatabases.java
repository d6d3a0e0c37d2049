package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.testkit.PostgresServer;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Opens registry storages for the tests that run on both databases. */
public final class RegistryDatabases {

    private static final AtomicInteger MEMORY = new AtomicInteger();

    private RegistryDatabases() {}

    /**
     * A new in-memory H2 database (kept until the storage closes).
     *
     * @return the storage
     */
    public static JdbcRegistryStorage h2Memory() {
        return JdbcRegistryStorage.jdbc(h2MemoryUrl(), "sa", "");
    }

    /** @return the URL of a new in-memory H2 database */
    public static String h2MemoryUrl() {
        return "jdbc:h2:mem:registry-" + MEMORY.incrementAndGet() + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * A database of the test kit's PostgreSQL, as a deployment opens it.
     *
     * @param pg       the server
     * @param database a database made by {@link PostgresServer#createDatabase}
     * @return the storage
     */
    public static JdbcRegistryStorage postgres(PostgresServer pg, String database) {
        return JdbcRegistryStorage.postgresql(pg.jdbcUrl(database), PostgresServer.USER, pg.password());
    }

    /**
     * A storage whose connections pass through a decorator (to observe or fail statements).
     *
     * @param location the database
     * @param decorate wraps each connection taken from the pool
     * @return the storage
     */
    static JdbcRegistryStorage decorated(SqlDatabase.Location location, UnaryOperator<Connection> decorate) {
        return new JdbcRegistryStorage(JdbcRegistryStorage.openDatabase(location), decorate);
    }
}
