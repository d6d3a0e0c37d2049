package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.core.internal.SqlDatabase.Dialect;
import io.github.xmppiot.core.internal.SqlDatabase.Location;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * {@link RegistryStorage} over JDBC (XEP-0347 §3.6-§3.17 registry records), on an embedded H2 file ({@link #h2}) or a
 * PostgreSQL database ({@link #postgresql}) that several registry instances may share. Two tables: {@code thing} (one
 * row per bare JID and node triple, unique) and {@code tag} (one row per tag, primary key (thing_id, name), indexed on
 * (name, str_value) and (name, num_value), both extended by (searchable, thing_id) so that the index alone answers an
 * operator, with a {@code searchable} flag that is true for the tags of claimed public Things other than {@code KEY}).
 * Searches (§3.15) are translated to SQL on these indexes; the SQL is the same on both databases.
 *
 * <p>The schema is created and upgraded by versioned migrations (history table {@code flyway_registry_history});
 * a registry file made before migrations existed is adopted as it is. On PostgreSQL, version 2 adds statistics on tag
 * name and value together, so that the planner walks the index of the most selective operator and stops after one
 * page instead of reading every match. Connections come from a pool of at most
 * {@link #POOL_SIZE} connections.
 *
 * <p>Several instances on one PostgreSQL database (and several threads on one storage): every transaction runs
 * {@code SERIALIZABLE}, so a check and the
 * change it allows (a claim of an unclaimed Thing, §3.9; a registration of a new Thing, §3.6) cannot interleave with
 * another instance's; a transaction the database refuses as a serialization conflict, a deadlock or a duplicate
 * key is rolled back and run again (at most {@link #ATTEMPTS} times in all), so of two concurrent claims of one Thing
 * exactly one wins and the other is answered {@code item-not-found}.
 *
 * @since 0.1.0
 */
public final class JdbcRegistryStorage implements RegistryStorage {

    /** The largest number of pooled database connections of one storage. */
    public static final int POOL_SIZE = 8;
    /** How many times a transaction runs at most when the database refuses it as a conflict. */
    public static final int ATTEMPTS = 30;
    /** Name of the service: migration history table {@code flyway_registry_history}, pool {@code xmpp-iot-registry-db}. */
    private static final String SERVICE = "registry";

    private static final String MIGRATIONS = "io/github/xmppiot/discovery/registry/db/";
    /** Serialization failure, deadlock, unique violation (SQL state classes shared by PostgreSQL and H2). */
    private static final Set<String> RETRIED = Set.of("40001", "40P01", "23505");
    /** H2's error codes for a concurrent update of the same row and a lock timeout. */
    private static final Set<Integer> H2_RETRIED = Set.of(90131, 50200);

    private final SqlDatabase db;
    private final UnaryOperator<Connection> decorate;
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcRegistryStorage(SqlDatabase db, UnaryOperator<Connection> decorate) {
        this.db = Objects.requireNonNull(db, "db");
        this.decorate = Objects.requireNonNull(decorate, "decorate");
    }

    /**
     * Opens (or creates) an embedded H2 file database with a 128 MB page cache, for a single registry instance. Every
     * commit is written to the file before {@link #inTransaction} returns ({@code WRITE_DELAY=0}; H2's default delay
     * of 500 ms loses acknowledged records when the process is killed). The file holds the Things' KEYs: it is created
     * owner-only ({@code rw-------}, missing directories {@code rwx------}), and a path containing {@code ;} is refused
     * (it would add H2 settings to the JDBC URL).
     *
     * @param file the database file name without the {@code .mv.db} suffix
     * @return the storage
     * @throws RegistryStorageException if the database cannot be opened
     * @throws IllegalArgumentException if the path contains {@code ;}
     * @throws IllegalStateException    naming the artifact if H2, HikariCP or Flyway is not on the class path
     */
    public static JdbcRegistryStorage h2(Path file) {
        return open(Location.h2File(file, ";CACHE_SIZE=131072"));
    }

    /**
     * Opens a PostgreSQL database (version 12 or later) and creates or upgrades the registry's tables in it. Several
     * registry instances may use one database (see the class description). The password is given here, read from the
     * environment or an owner-only file: never put it into the URL, where process listings and logs would show it.
     *
     * @param database {@code postgresql://host[:port]/database[?parameters]}, without credentials
     * @param user     the database user
     * @param password the password, or {@code null} for none
     * @return the storage
     * @throws IllegalArgumentException naming the fix if the URL is not a PostgreSQL URL or contains credentials
     * @throws RegistryStorageException if the database cannot be reached or migrated
     * @throws IllegalStateException    naming the artifact if the PostgreSQL driver, HikariCP or Flyway (with
     *                                  {@code flyway-database-postgresql}) is not on the class path
     */
    public static JdbcRegistryStorage postgresql(String database, String user, String password) {
        return open(Location.server(database, user, password));
    }

    /**
     * Opens a database by JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}), for example an in-memory
     * H2 database ({@code jdbc:h2:mem:name;DB_CLOSE_DELAY=-1}) for a demonstration or a test. Prefer {@link #h2} for a
     * file, which makes it durable and owner-only, and {@link #postgresql} for a server.
     *
     * @param jdbcUrl  the URL
     * @param user     the user, or {@code null}
     * @param password the password, or {@code null}
     * @return the storage
     * @throws IllegalArgumentException for other databases
     * @throws RegistryStorageException if the database cannot be opened or migrated
     */
    public static JdbcRegistryStorage jdbc(String jdbcUrl, String user, String password) {
        return open(new Location(jdbcUrl, user, password));
    }

    static JdbcRegistryStorage open(Location location) {
        return new JdbcRegistryStorage(openDatabase(location), UnaryOperator.identity());
    }

    static SqlDatabase openDatabase(Location location) {
        String folder = MIGRATIONS + (location.dialect() == Dialect.H2 ? "h2" : "postgresql");
        try {
            return SqlDatabase.open(location, SERVICE, folder, POOL_SIZE);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RegistryStorageException(
                    "cannot open the registry database " + location + ": " + e.getMessage(), e);
        }
    }

    /** @return the database's dialect */
    Dialect dialect() {
        return db.dialect();
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            if (closed.get()) {
                throw new RegistryStorageException("storage closed", null);
            }
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !conflict(e)) {
                    throw new RegistryStorageException(
                            attempt >= ATTEMPTS && conflict(e)
                                    ? "registry database busy: " + ATTEMPTS
                                            + " attempts conflicted with other transactions"
                                    : "registry database failed",
                            e);
                }
                SqlDatabase.backOff(attempt);
            }
        }
    }

    private <T> T once(TransactionWork<T> work) throws SQLException {
        Connection c;
        try {
            c = decorate.apply(db.dataSource().getConnection());
        } catch (SQLException e) {
            throw new RegistryStorageException("cannot connect to the registry database", e);
        }
        try (c) {
            c.setAutoCommit(false);
            boolean done = false;
            try {
                if (db.dialect() == Dialect.POSTGRESQL) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                    }
                } else {
                    c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                }
                T result = work.run(new JdbcRegistryTransaction(c));
                c.commit();
                done = true;
                return result;
            } catch (JdbcRegistryTransaction.UncheckedSql e) {
                throw e.sql();
            } finally {
                if (!done) {
                    rollback(c);
                }
            }
        }
    }

    private static boolean conflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s
                    && (RETRIED.contains(s.getSQLState()) || H2_RETRIED.contains(s.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            db.close();
        }
    }
}
