package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.core.internal.SqlDatabase.Dialect;
import io.github.xmppiot.core.internal.SqlDatabase.Location;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The JDBC plumbing of {@link JdbcProvisioningStore}: one pooled connection per statement (auto-commit, so every
 * change is committed before the store's method returns), transactions retried on the conflicts several server
 * instances on one database can cause, and the one place where H2's and PostgreSQL's SQL differ: upserts.
 */
final class SqlRunner {

    /** SQL states of a conflict with a concurrent transaction: unique violation, serialization failure, deadlock. */
    private static final List<String> CONFLICTS = List.of("23505", "40001", "40P01");

    /**
     * How often a transaction is tried when it conflicts with a concurrent one, with a growing random pause between
     * tries ({@link SqlDatabase#backOff}): as often as the thing registry's store tries (8 writers of one list on two
     * instances used up 5 immediate tries under load).
     */
    static final int TRANSACTION_ATTEMPTS = 30;

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work {
        void run(SqlRunner tx) throws SQLException;
    }

    private final DataSource pool;
    private final Dialect dialect;
    private final Connection held;

    SqlRunner(DataSource pool, Dialect dialect) {
        this(pool, dialect, null);
    }

    private SqlRunner(DataSource pool, Dialect dialect, Connection held) {
        this.pool = pool;
        this.dialect = dialect;
        this.held = held;
    }

    /** @return whether the exception is a conflict with a concurrent writer (unique key, serialization, deadlock) */
    static boolean isConflict(SQLException e) {
        return e.getSQLState() != null && CONFLICTS.contains(e.getSQLState());
    }

    /**
     * Opens a service's database and migrates it, with the errors of the pool and of the migrations as
     * {@link SQLException}s naming the database (without credentials).
     */
    static SqlDatabase open(Location location, String service, String migrations, int maxPool) throws SQLException {
        try {
            return SqlDatabase.open(location, service, migrations, maxPool);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw new SQLException(
                        "cannot open the " + service + " store " + location + ": " + cause.getMessage(),
                        cause.getSQLState(),
                        cause);
            }
            throw new SQLException("cannot open the " + service + " store " + location + ": " + e.getMessage(), e);
        }
    }

    int update(String sql, Object... args) throws SQLException {
        if (held != null) {
            return update(held, sql, args);
        }
        try (Connection c = pool.getConnection()) {
            return update(c, sql, args);
        }
    }

    /**
     * Inserts a row or replaces the non-key columns of the row with the same key.
     *
     * @param table  the table
     * @param keys   the key columns (the primary key)
     * @param others the other columns, possibly none
     * @param values the values, keys first, in the order of the columns
     */
    void upsert(String table, List<String> keys, List<String> others, Object... values) throws SQLException {
        update(upsertSql(dialect, table, keys, others), values);
    }

    /** The upsert statement in a dialect: H2's {@code MERGE ... KEY}, PostgreSQL's {@code ON CONFLICT}. */
    static String upsertSql(Dialect dialect, String table, List<String> keys, List<String> others) {
        String columns = Stream.concat(keys.stream(), others.stream()).collect(Collectors.joining(", "));
        String marks =
                Stream.concat(keys.stream(), others.stream()).map(c -> "?").collect(Collectors.joining(", "));
        return switch (dialect) {
            case H2 ->
                "MERGE INTO " + table + " (" + columns + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks
                        + ")";
            case POSTGRESQL ->
                "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT ("
                        + String.join(", ", keys) + ") DO "
                        + (others.isEmpty()
                                ? "NOTHING"
                                : "UPDATE SET "
                                        + others.stream()
                                                .map(c -> c + " = EXCLUDED." + c)
                                                .collect(Collectors.joining(", ")));
        };
    }

    Optional<String> single(String sql, Object... args) throws SQLException {
        List<String> rows = list(sql, rs -> rs.getString(1), args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    <T> List<T> list(String sql, Row<T> row, Object... args) throws SQLException {
        if (held != null) {
            return list(held, sql, row, args);
        }
        try (Connection c = pool.getConnection()) {
            return list(c, sql, row, args);
        }
    }

    /**
     * Runs work in one transaction on one connection, committed before this returns; tried again (up to
     * {@value #TRANSACTION_ATTEMPTS} times) when it conflicts with a concurrent transaction of another instance.
     */
    void inTransaction(Work work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    work.run(new SqlRunner(pool, dialect, c));
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (!isConflict(e) || attempt >= TRANSACTION_ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            }
            SqlDatabase.backOff(attempt);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    private static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }
}
