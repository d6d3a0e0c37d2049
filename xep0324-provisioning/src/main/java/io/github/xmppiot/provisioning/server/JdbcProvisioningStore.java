package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.core.internal.SqlDatabase.Location;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    private final Duration tokenLifetime;
    private final Clock clock;

    private JdbcProvisioningStore(Location location, Duration tokenLifetime, Clock clock, int maxPool)
            throws SQLException {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
        this.tokenLifetime = tokenLifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.database = SqlRunner.open(location, "provisioning", MIGRATIONS, maxPool);
        this.sql = new SqlRunner(database.dataSource(), database.dialect());
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
        for (int attempt = 1; ; attempt++) {
            try {
                sql.update("INSERT INTO things (thing, owner) VALUES (?, ?)", thing, owner);
                return owner;
            } catch (SQLException e) {
                if (!SqlRunner.isConflict(e)) {
                    throw e;
                }
            }
            // another claim (perhaps by another instance on this database) came first; it may be disowned meanwhile
            Optional<String> existing = owner(thing);
            if (existing.isPresent() || attempt >= SqlRunner.TRANSACTION_ATTEMPTS) {
                return existing.orElseThrow(() -> new SQLException("the claim of " + thing + " keeps conflicting"));
            }
        }
    }

    @Override
    public void setClaimKey(String thing, String key) throws SQLException {
        sql.upsert("claim_keys", List.of("thing"), List.of("key_hash"), thing, ClaimKeys.hash(thing, key));
    }

    @Override
    public boolean claimKeyMatches(String thing, String key) throws SQLException {
        List<byte[]> hashes = sql.list("SELECT key_hash FROM claim_keys WHERE thing = ?", rs -> rs.getBytes(1), thing);
        return !hashes.isEmpty() && MessageDigest.isEqual(hashes.get(0), ClaimKeys.hash(thing, key));
    }

    @Override
    public void removeClaimKey(String thing) throws SQLException {
        sql.update("DELETE FROM claim_keys WHERE thing = ?", thing);
    }

    @Override
    public int askedCount(String thing) throws SQLException {
        return sql.list("SELECT COUNT(*) FROM asked WHERE thing = ?", rs -> rs.getInt(1), thing)
                .get(0);
    }

    @Override
    public Optional<String> owner(String thing) throws SQLException {
        return sql.single("SELECT owner FROM things WHERE thing = ?", thing);
    }

    @Override
    public void setOwner(String thing, String newOwner) throws SQLException {
        sql.update("UPDATE things SET owner = ? WHERE thing = ?", newOwner, thing);
    }

    @Override
    public void disown(String thing) throws SQLException {
        sql.inTransaction(tx -> {
            tx.update("DELETE FROM things WHERE thing = ?", thing);
            tx.update("DELETE FROM friendships WHERE thing = ?", thing);
            tx.update("DELETE FROM rules WHERE thing = ?", thing);
            tx.update("DELETE FROM access_rules WHERE service = ?", thing);
            tx.update("DELETE FROM privileges WHERE service = ?", thing);
        });
    }

    @Override
    public void setSecondaryTrust(String thing, boolean allowed) throws SQLException {
        sql.update("UPDATE things SET secondary_trust = ? WHERE thing = ?", allowed, thing);
    }

    @Override
    public boolean secondaryTrust(String thing) throws SQLException {
        return sql.list("SELECT secondary_trust FROM things WHERE thing = ?", rs -> rs.getBoolean(1), thing).stream()
                .findFirst()
                .orElse(false);
    }

    @Override
    public void setFriendship(String thing, String friend, boolean allow) throws SQLException {
        sql.upsert("friendships", List.of("thing", "friend"), List.of("allow"), thing, friend, allow);
    }

    @Override
    public Optional<Boolean> friendship(String thing, String friend) throws SQLException {
        return sql
                .list(
                        "SELECT allow FROM friendships WHERE thing = ? AND friend = ?",
                        rs -> rs.getBoolean(1),
                        thing,
                        friend)
                .stream()
                .findFirst();
    }

    @Override
    public Map<String, Boolean> friendships(String thing) throws SQLException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : sql.list(
                "SELECT friend, allow FROM friendships WHERE thing = ? " + "ORDER BY friend",
                rs -> Map.entry(rs.getString(1), rs.getBoolean(2)),
                thing)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public void recordAsked(String thing, String jid) throws SQLException {
        sql.upsert("asked", List.of("thing", "jid"), List.of(), thing, jid);
    }

    @Override
    public boolean hasAsked(String thing, String jid) throws SQLException {
        return sql.single("SELECT jid FROM asked WHERE thing = ? AND jid = ?", thing, jid)
                .isPresent();
    }

    @Override
    public void putRule(Rule rule) throws SQLException {
        sql.upsert(
                "rules",
                List.of("thing", "kind", "principal"),
                List.of("nodes", "names"),
                rule.thing(),
                rule.kind().name(),
                rule.principal(),
                RuleCodec.encodeNodes(rule.nodes()),
                RuleCodec.encode(rule.names()));
    }

    @Override
    public void removeRule(String thing, AccessRequest.Kind kind, String principal) throws SQLException {
        sql.update("DELETE FROM rules WHERE thing = ? AND kind = ? AND principal = ?", thing, kind.name(), principal);
    }

    @Override
    public List<Rule> rules(String thing, AccessRequest.Kind kind, Collection<String> principals) throws SQLException {
        return rules(thing, kind).stream()
                .filter(r -> principals.contains(r.principal()))
                .toList();
    }

    @Override
    public List<Rule> rules(String thing, AccessRequest.Kind kind) throws SQLException {
        return sql.list(
                "SELECT principal, nodes, names FROM rules WHERE thing = ? AND kind = ? ORDER BY principal",
                rs -> new Rule(
                        thing,
                        kind,
                        rs.getString(1),
                        RuleCodec.decodeNodes(rs.getString(2)),
                        RuleCodec.decode(rs.getString(3))),
                thing,
                kind.name());
    }

    @Override
    public void putAccessRule(AccessRule rule) throws SQLException {
        sql.upsert(
                "access_rules", List.of("service", "rule"), List.of(), rule.service(), String.join("\n", rule.lines()));
    }

    @Override
    public void removeAccessRule(AccessRule rule) throws SQLException {
        sql.update(
                "DELETE FROM access_rules WHERE service = ? AND rule = ?",
                rule.service(),
                String.join("\n", rule.lines()));
    }

    @Override
    public List<AccessRule> accessRules(String service) throws SQLException {
        return sql.list(
                "SELECT rule FROM access_rules WHERE service = ? ORDER BY rule",
                rs -> AccessRule.parse(service, List.of(rs.getString(1).split("\n"))),
                service);
    }

    @Override
    public void setClearPending(String thing, boolean pending) throws SQLException {
        if (pending) {
            // a newer generation each time, so that the acknowledgement of an older clearCache keeps this mark
            if (sql.update("UPDATE clear_pending SET generation = generation + 1 WHERE thing = ?", thing) == 0) {
                try {
                    sql.update("INSERT INTO clear_pending (thing, generation) VALUES (?, 1)", thing);
                } catch (SQLException e) {
                    if (!SqlRunner.isConflict(e)) {
                        throw e;
                    }
                    sql.update("UPDATE clear_pending SET generation = generation + 1 WHERE thing = ?", thing);
                }
            }
        } else {
            sql.update("DELETE FROM clear_pending WHERE thing = ?", thing);
        }
    }

    @Override
    public Set<String> clearPending() throws SQLException {
        return new LinkedHashSet<>(sql.list("SELECT thing FROM clear_pending ORDER BY thing", rs -> rs.getString(1)));
    }

    @Override
    public OptionalLong clearPendingGeneration(String thing) throws SQLException {
        return sql.list("SELECT generation FROM clear_pending WHERE thing = ?", rs -> rs.getLong(1), thing).stream()
                .mapToLong(Long::longValue)
                .findFirst();
    }

    @Override
    public boolean clearPendingDone(String thing, long generation) throws SQLException {
        return sql.update("DELETE FROM clear_pending WHERE thing = ? AND generation = ?", thing, generation) == 1
                || clearPendingGeneration(thing).isEmpty();
    }

    @Override
    public void putToken(String token, String holder, byte[] certificate) throws SQLException {
        sql.upsert(
                "tokens", List.of("token"), List.of("holder", "cert", "expires"), token, holder, certificate, expiry());
    }

    @Override
    public Optional<byte[]> tokenCertificate(String token) throws SQLException {
        return sql
                .list(
                        "SELECT cert FROM tokens WHERE token = ? AND expires > ?",
                        rs -> rs.getBytes(1),
                        token,
                        clock.millis())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> tokenHolder(String token) throws SQLException {
        return sql.single("SELECT holder FROM tokens WHERE token = ? AND expires > ?", token, clock.millis());
    }

    @Override
    public void revokeToken(String token) throws SQLException {
        sql.inTransaction(tx -> {
            tx.update("DELETE FROM tokens WHERE token = ?", token);
            tx.update("DELETE FROM user_tokens WHERE user_token = ?", token);
        });
    }

    @Override
    public boolean isReferenced(String principal) throws SQLException {
        return sql.single("SELECT principal FROM rules WHERE principal = ? LIMIT 1", principal)
                .isPresent();
    }

    @Override
    public void putUserToken(String userToken, String service) throws SQLException {
        sql.upsert("user_tokens", List.of("user_token"), List.of("service", "expires"), userToken, service, expiry());
    }

    @Override
    public void setUserName(String service, String userToken, String userName) throws SQLException {
        sql.update(
                "UPDATE user_tokens SET user_name = ? WHERE user_token = ? AND service = ?",
                userName,
                userToken,
                service);
    }

    @Override
    public Optional<String> userName(String service, String userToken) throws SQLException {
        return sql.single(
                "SELECT user_name FROM user_tokens WHERE service = ? AND user_token = ? AND user_name IS NOT"
                        + " NULL AND expires > ?",
                service,
                userToken,
                clock.millis());
    }

    @Override
    public void setPrivileges(String service, String user, List<PrivilegeRule> rules) throws SQLException {
        sql.inTransaction(tx -> {
            tx.update("DELETE FROM privileges WHERE service = ? AND user_name = ?", service, user);
            for (int i = 0; i < rules.size(); i++) {
                tx.update(
                        "INSERT INTO privileges (service, user_name, seq, include, id) VALUES (?, ?, ?, ?, ?)",
                        service,
                        user,
                        i,
                        rules.get(i).include(),
                        rules.get(i).id());
            }
        });
    }

    @Override
    public List<PrivilegeRule> privileges(String service, String user) throws SQLException {
        return sql.list(
                "SELECT include, id FROM privileges WHERE service = ? AND user_name = ? ORDER BY seq",
                rs -> new PrivilegeRule(rs.getBoolean(1), rs.getString(2)),
                service,
                user);
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

    /** Expiry of a token issued now, in epoch milliseconds (saturating). */
    private long expiry() {
        try {
            return Math.addExact(clock.millis(), tokenLifetime.toMillis());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
