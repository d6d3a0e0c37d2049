package io.github.xmppiot.discovery;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.ProsodyExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * {@link SearchProperties} on PostgreSQL: the SQL translation of the operators finds exactly what the reference
 * semantics selects there too (string order by code point, {@code -0 = 0}, infinities, LIKE escapes). jqwik does not
 * run JUnit extensions, so this class starts a PostgreSQL cluster of its own ({@link PostgresServer}) and empties one
 * database between tries; {@code -Dxmpp.it.skip=true} skips it as it skips the other integration tests.
 */
@AddLifecycleHook(SearchPostgresIT.SkipWhenAsked.class)
class SearchPostgresIT {

    private static PostgresServer pg;
    private static JdbcRegistryStorage storage;
    private static Connection admin;

    @BeforeContainer
    static void start() throws SQLException {
        pg = PostgresServer.start();
        String db = pg.createDatabase("search_properties");
        storage = RegistryDatabases.postgres(pg, db);
        admin = DriverManager.getConnection(pg.jdbcUrl(db), PostgresServer.USER, pg.password());
    }

    @AfterContainer
    static void stop() throws SQLException {
        try {
            if (admin != null) {
                admin.close();
            }
            if (storage != null) {
                storage.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    @Property(tries = 150)
    void sqlSearchEqualsReferenceSemanticsOnPostgres(
            @ForAll("stored") List<SearchProperties.Stored> things,
            @ForAll("ops") List<SearchOperator> ops,
            @ForAll("pages") int pageSize)
            throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("TRUNCATE tag, thing");
        }
        SearchProperties.check(storage, things, ops, pageSize);
    }

    @Provide
    Arbitrary<List<SearchOperator>> ops() {
        return new SearchProperties().ops();
    }

    @Provide
    Arbitrary<Integer> pages() {
        return new SearchProperties().pages();
    }

    @Provide
    Arbitrary<List<SearchProperties.Stored>> stored() {
        return new SearchProperties().stored();
    }

    /** Skips the class with {@code -Dxmpp.it.skip=true}, as {@code @PostgresTest} does. */
    static final class SkipWhenAsked implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Boolean.getBoolean(ProsodyExtension.SKIP_PROPERTY)
                    ? SkipResult.skip(
                            "PostgreSQL integration tests skipped: " + ProsodyExtension.SKIP_PROPERTY + "=true")
                    : SkipResult.doNotSkip();
        }
    }
}
