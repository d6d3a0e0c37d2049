package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.core.internal.SqlDatabase.Location;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link ProvisioningStore} on JDBC: an embedded H2 file (the default for one machine) or a PostgreSQL database
 * (several provisioning servers sharing one database, see docs/servers.md), through a connection pool, with the
 * schema in versioned migrations ({@code io/github/xmppiot/provisioning/db}, history table
 * {@code flyway_provisioning_history}); a database created by an older release is adopted with its rows. Tokens
 * expire after a configurable lifetime (default {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days, XEP-0324 §3.1.3),
 * measured with the given clock.
 *
 * <p>Every change is committed before its method returns (auto-commit; H2 with its write delay switched off), so
 * that an acknowledged change survives a crash (even {@code kill -9}) of the server process. The store keeps no
 * cache: every answer is read from the database, so instances sharing one database never answer from stale rules.
 * Writes that must not be lost to a concurrent instance are single statements (the first claim wins by the primary
 * key) or transactions retried on a conflict. An H2 file holds owners, claim-key hashes and tokens: it is created
 * owner-only ({@code rw-------}, missing directories {@code rwx------}), and a path containing {@code ;} is refused
 * (it would add H2 settings to the JDBC URL). Needs HikariCP, flyway-core and the JDBC driver (H2, or PostgreSQL with
 * flyway-database-postgresql): optional dependencies of this module, named in the error when missing.
 *
 * @since 0.1.0
 */
public final class JdbcProvisioningStore implements ProvisioningStore {

    /** How long issued tokens stay valid unless configured otherwise: {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days. */
    public static final int DEFAULT_TOKEN_LIFETIME_DAYS = 365;

    /** The connection pool's default bound: {@value #DEFAULT_MAX_POOL} connections per store. */
    public static final int DEFAULT_MAX_POOL = 8;

    /** H2's error code when a connection is used after {@code SHUTDOWN}. */
    private static final int H2_DATABASE_CLOSED = 90121;

    private static final String MIGRATIONS = "io/github/xmppiot/provisioning/db";

    private final SqlDatabase database;
    private final SqlRunner sql;
    private final boolean inMemory;
    private final ThingTables things;
    private final RuleTables rules;
    private final TokenTables tokens;

    private JdbcProvisioningStore(Location location, Duration tokenLifetime, Clock clock, int maxPool)
            throws SQLException {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
        Objects.requireNonNull(clock, "clock");
        this.database = SqlRunner.open(location, "provisioning", MIGRATIONS, maxPool);
        this.sql = new SqlRunner(database.dataSource(), database.dialect());
        this.things = new ThingTables(sql);
        this.rules = new RuleTables(sql);
        this.tokens = new TokenTables(sql, tokenLifetime, clock);
        this.inMemory = location.jdbcUrl().startsWith("jdbc:h2:mem:");
    }

    /**
     * Opens (and creates if needed) an H2 file; tokens live {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days.
     *
     * @param file the database file, without H2's {@code .mv.db} suffix; must not contain {@code ;}
     * @return the store
     * @throws SQLException if it cannot be opened
     */
    public static JdbcProvisioningStore h2(Path file) throws SQLException {
        return h2(file, Duration.ofDays(DEFAULT_TOKEN_LIFETIME_DAYS), Clock.systemUTC());
    }

    /**
     * Opens (and creates if needed) an H2 file with a token lifetime (XEP-0324 §3.1.3).
     *
     * @param file          the database file, without H2's {@code .mv.db} suffix; must not contain {@code ;}
     * @param tokenLifetime how long a token issued from now on stays valid
     * @param clock         the clock deciding when tokens expire
     * @return the store
     * @throws SQLException if it cannot be opened
     * @throws IllegalArgumentException if the path contains {@code ;}
     */
    public static JdbcProvisioningStore h2(Path file, Duration tokenLifetime, Clock clock) throws SQLException {
        return new JdbcProvisioningStore(Location.h2File(file, ""), tokenLifetime, clock, DEFAULT_MAX_POOL);
    }

    /**
     * Opens a new in-memory H2 database, gone when the store is closed (tests, demos); tokens live
     * {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days.
     *
     * @param name the database's name, unique in this process (letters, digits, {@code _} and {@code -})
     * @return the store
     * @throws SQLException if it cannot be opened
     */
    public static JdbcProvisioningStore h2InMemory(String name) throws SQLException {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("an in-memory database name is letters, digits, _ and -: " + name);
        }
        return new JdbcProvisioningStore(
                new Location("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""),
                Duration.ofDays(DEFAULT_TOKEN_LIFETIME_DAYS),
                Clock.systemUTC(),
                DEFAULT_MAX_POOL);
    }

    /**
     * Opens a PostgreSQL database (created beforehand, empty or migrated by this class) that several provisioning
     * servers may share; tokens live {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days, at most {@value #DEFAULT_MAX_POOL}
     * connections.
     *
     * @param url      {@code postgresql://host[:port]/database[?parameters]}, without credentials
     * @param user     the database user, or {@code null} for the driver's default
     * @param password the password, or {@code null}; read it from the environment or an owner-only file
     * @return the store
     * @throws SQLException if it cannot be opened
     * @throws IllegalArgumentException naming the fix if the URL is not usable or contains credentials
     */
    public static JdbcProvisioningStore postgresql(String url, String user, String password) throws SQLException {
        return postgresql(
                url, user, password, Duration.ofDays(DEFAULT_TOKEN_LIFETIME_DAYS), Clock.systemUTC(), DEFAULT_MAX_POOL);
    }

    /**
     * Opens a PostgreSQL database with a token lifetime (XEP-0324 §3.1.3) and a pool bound.
     *
     * @param url           {@code postgresql://host[:port]/database[?parameters]}, without credentials
     * @param user          the database user, or {@code null}
     * @param password      the password, or {@code null}
     * @param tokenLifetime how long a token issued from now on stays valid
     * @param clock         the clock deciding when tokens expire
     * @param maxPool       the most connections this store holds
     * @return the store
     * @throws SQLException if it cannot be opened
     */
    public static JdbcProvisioningStore postgresql(
            String url, String user, String password, Duration tokenLifetime, Clock clock, int maxPool)
            throws SQLException {
        return new JdbcProvisioningStore(Location.server(url, user, password), tokenLifetime, clock, maxPool);
    }

    @Override
    public String claim(String thing, String owner) throws SQLException {
        return things.claim(thing, owner);
    }

    @Override
    public void setClaimKey(String thing, String key) throws SQLException {
        things.setClaimKey(thing, key);
    }

    @Override
    public boolean claimKeyMatches(String thing, String key) throws SQLException {
        return things.claimKeyMatches(thing, key);
    }

    @Override
    public void removeClaimKey(String thing) throws SQLException {
        things.removeClaimKey(thing);
    }

    @Override
    public int askedCount(String thing) throws SQLException {
        return things.askedCount(thing);
    }

    @Override
    public Optional<String> owner(String thing) throws SQLException {
        return things.owner(thing);
    }

    @Override
    public void setOwner(String thing, String newOwner) throws SQLException {
        things.setOwner(thing, newOwner);
    }

    @Override
    public void disown(String thing) throws SQLException {
        things.disown(thing);
    }

    @Override
    public void setSecondaryTrust(String thing, boolean allowed) throws SQLException {
        things.setSecondaryTrust(thing, allowed);
    }

    @Override
    public boolean secondaryTrust(String thing) throws SQLException {
        return things.secondaryTrust(thing);
    }

    @Override
    public void setFriendship(String thing, String friend, boolean allow) throws SQLException {
        things.setFriendship(thing, friend, allow);
    }

    @Override
    public Optional<Boolean> friendship(String thing, String friend) throws SQLException {
        return things.friendship(thing, friend);
    }

    @Override
    public Map<String, Boolean> friendships(String thing) throws SQLException {
        return things.friendships(thing);
    }

    @Override
    public void recordAsked(String thing, String jid) throws SQLException {
        things.recordAsked(thing, jid);
    }

    @Override
    public boolean hasAsked(String thing, String jid) throws SQLException {
        return things.hasAsked(thing, jid);
    }

    @Override
    public void putRule(Rule rule) throws SQLException {
        rules.putRule(rule);
    }

    @Override
    public void removeRule(String thing, AccessRequest.Kind kind, String principal) throws SQLException {
        rules.removeRule(thing, kind, principal);
    }

    @Override
    public List<Rule> rules(String thing, AccessRequest.Kind kind, Collection<String> principals) throws SQLException {
        return rules.rules(thing, kind, principals);
    }

    @Override
    public List<Rule> rules(String thing, AccessRequest.Kind kind) throws SQLException {
        return rules.rules(thing, kind);
    }

    @Override
    public void putAccessRule(AccessRule rule) throws SQLException {
        rules.putAccessRule(rule);
    }

    @Override
    public void removeAccessRule(AccessRule rule) throws SQLException {
        rules.removeAccessRule(rule);
    }

    @Override
    public List<AccessRule> accessRules(String service) throws SQLException {
        return rules.accessRules(service);
    }

    @Override
    public void setClearPending(String thing, boolean pending) throws SQLException {
        rules.setClearPending(thing, pending);
    }

    @Override
    public Set<String> clearPending() throws SQLException {
        return rules.clearPending();
    }

    @Override
    public OptionalLong clearPendingGeneration(String thing) throws SQLException {
        return rules.clearPendingGeneration(thing);
    }

    @Override
    public boolean clearPendingDone(String thing, long generation) throws SQLException {
        return rules.clearPendingDone(thing, generation);
    }

    @Override
    public void putToken(String token, String holder, byte[] certificate) throws SQLException {
        tokens.putToken(token, holder, certificate);
    }

    @Override
    public Optional<byte[]> tokenCertificate(String token) throws SQLException {
        return tokens.tokenCertificate(token);
    }

    @Override
    public Optional<String> tokenHolder(String token) throws SQLException {
        return tokens.tokenHolder(token);
    }

    @Override
    public void revokeToken(String token) throws SQLException {
        tokens.revokeToken(token);
    }

    @Override
    public boolean isReferenced(String principal) throws SQLException {
        return rules.isReferenced(principal);
    }

    @Override
    public void putUserToken(String userToken, String service) throws SQLException {
        tokens.putUserToken(userToken, service);
    }

    @Override
    public void setUserName(String service, String userToken, String userName) throws SQLException {
        tokens.setUserName(service, userToken, userName);
    }

    @Override
    public Optional<String> userName(String service, String userToken) throws SQLException {
        return tokens.userName(service, userToken);
    }

    @Override
    public void setPrivileges(String service, String user, List<PrivilegeRule> rules) throws SQLException {
        tokens.setPrivileges(service, user, rules);
    }

    @Override
    public List<PrivilegeRule> privileges(String service, String user) throws SQLException {
        return tokens.privileges(service, user);
    }

    /** Closes the connection pool; an in-memory H2 database is dropped. */
    @Override
    public void close() throws SQLException {
        try {
            if (inMemory) {
                sql.update("SHUTDOWN");
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_DATABASE_CLOSED) { // the pool's connection closed with the database: expected
                throw e;
            }
        } finally {
            database.close();
        }
    }
}
