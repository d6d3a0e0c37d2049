package io.github.xmppiot.core.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The seam the services' SQL stores (thing registry, provisioning server) share: a pooled {@link DataSource}
 * (HikariCP) on an embedded H2 file or a server database such as PostgreSQL, the {@link Dialect} where their SQL
 * differs, and versioned schema migrations (Flyway) so a deployment upgrades without losing data. Each service keeps
 * its migrations in {@code classpath:<migrations>} and its own history table, so several services may share one
 * database. Not API.
 */
public final class SqlDatabase implements AutoCloseable {

    /** The databases whose SQL differs in places (upserts); everything else is standard SQL both run. */
    public enum Dialect {
        /** H2 2.x, the embedded default. */
        H2,
        /** PostgreSQL 12 or later, the production store for large deployments. */
        POSTGRESQL;

        /**
         * The dialect of a JDBC URL.
         *
         * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
         * @return its dialect
         * @throws IllegalArgumentException for other databases
         */
        public static Dialect of(String jdbcUrl) {
            String lower = jdbcUrl.toLowerCase(Locale.ROOT);
            if (lower.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (lower.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("unsupported database URL " + redact(jdbcUrl)
                    + ": use an H2 file or postgresql://host[:port]/database");
        }
    }

    /**
     * Where a store lives and who it logs in as. Never put a password into the URL: it would show in process
     * listings and logs; pass it here, read from the environment or an owner-only file.
     *
     * @param jdbcUrl  the JDBC URL
     * @param user     the database user, or {@code null} for the driver's default
     * @param password the password, or {@code null}
     */
    public record Location(String jdbcUrl, String user, String password) {

        /** Checks the URL. */
        public Location {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Dialect.of(jdbcUrl);
        }

        /**
         * A server database from a user's specification: {@code postgresql://host[:port]/database[?parameters]}
         * (or the same with {@code jdbc:} in front). A password in the URL is refused.
         *
         * @param spec     the specification
         * @param user     the user, or {@code null}
         * @param password the password, or {@code null}
         * @return the location
         * @throws IllegalArgumentException naming the fix if the specification is not usable
         */
        public static Location server(String spec, String user, String password) {
            String url = spec.startsWith("jdbc:") ? spec : "jdbc:" + spec;
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("unsupported database " + redact(spec)
                        + ": give postgresql://host[:port]/database (an H2 file is given by its path)");
            }
            String authority = url.substring("jdbc:postgresql://".length()).split("[/?]", 2)[0];
            if (authority.contains("@") || url.toLowerCase(Locale.ROOT).contains("password=")) {
                throw new IllegalArgumentException("do not put credentials into the database URL (they would show in"
                        + " process listings and logs): give the user and password through the environment"
                        + " (XMPP_IOT_DB_USER, XMPP_IOT_DB_PASSWORD) or an owner-only password file");
            }
            return new Location(url, user, password);
        }

        /**
         * An owner-only, durable embedded H2 file (see {@link H2Files}).
         *
         * @param file     the database file without H2's {@code .mv.db} suffix
         * @param settings further H2 settings after {@link H2Files#DURABLE}, each starting with {@code ;}, or empty
         * @return the location
         */
        public static Location h2File(Path file, String settings) {
            return new Location(H2Files.fileUrl(file, H2Files.DURABLE + settings), "sa", "");
        }

        /** @return the dialect of {@link #jdbcUrl()} */
        public Dialect dialect() {
            return Dialect.of(jdbcUrl);
        }

        @Override
        public String toString() {
            return "Location[" + redact(jdbcUrl) + ", user=" + user + "]";
        }
    }

    private final HikariDataSource pool;
    private final Dialect dialect;

    private SqlDatabase(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /**
     * Opens a pool on a database and migrates its schema.
     *
     * @param location   where the database is
     * @param name       the service's name: the pool's thread names and the migration history table
     *                   ({@code flyway_<name>_history}) derive from it (lower-case letters and {@code _})
     * @param migrations the classpath folder with the service's Flyway migrations ({@code V1__...sql}, ...)
     * @param maxPool    the pool's maximum number of connections (its bound)
     * @return the open database
     * @throws IllegalStateException naming the artifact if HikariCP, Flyway or the JDBC driver is missing
     */
    public static SqlDatabase open(Location location, String name, String migrations, int maxPool) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("service name must be lower-case letters and _: " + name);
        }
        OptionalDependency.require("com.zaxxer.hikari.HikariDataSource", "com.zaxxer:HikariCP", name + " store");
        OptionalDependency.require("org.flywaydb.core.Flyway", "org.flywaydb:flyway-core", name + " store");
        Dialect dialect = location.dialect();
        switch (dialect) {
            case H2 -> OptionalDependency.require("org.h2.Driver", "com.h2database:h2", name + " store on H2");
            case POSTGRESQL -> {
                OptionalDependency.require(
                        "org.postgresql.Driver", "org.postgresql:postgresql", name + " store on PostgreSQL");
                OptionalDependency.require(
                        "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                        "org.flywaydb:flyway-database-postgresql",
                        name + " store on PostgreSQL");
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setPoolName("xmpp-iot-" + name + "-db");
        config.setMaximumPoolSize(maxPool);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure(SqlDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:" + migrations)
                    .table("flyway_" + name + "_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new SqlDatabase(pool, dialect);
    }

    /** @return the pooled data source; connections go back to the pool when closed */
    public DataSource dataSource() {
        return pool;
    }

    /** @return the database's dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** Closes the pool and its connections. */
    @Override
    public void close() {
        pool.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    /**
     * Waits before a transaction that conflicted with a concurrent one is tried again: a random 1..2^attempt ms (at
     * most 64 ms; about 2 s over 30 attempts), so that the conflicting transactions do not meet again at once.
     *
     * @param attempt the attempt that just failed, from 1
     */
    public static void backOff(int attempt) {
        long maxMillis = 1L << Math.max(0, Math.min(attempt, 6));
        LockSupport.parkNanos(
                TimeUnit.MILLISECONDS.toNanos(1 + ThreadLocalRandom.current().nextLong(maxMillis)));
    }
}
