package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.internal.OptionalDependency;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import io.github.xmppiot.core.internal.H2Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ProvisioningStore} in an embedded H2 file database. Tokens expire after a configurable lifetime
 * (default {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days), measured with the given clock. Every change is committed before its method returns,
 * with H2's write delay switched off, so that an acknowledged change survives a crash (even {@code kill -9}) of the
 * server process. The database file holds owners, claim-key hashes and tokens: opened by {@link Path} it is created
 * owner-only ({@code rw-------}, missing directories {@code rwx------}), and a path containing {@code ;} is refused
 * (it would add H2 settings to the JDBC URL).
 *
 * @since 0.1.0
 */
public final class H2ProvisioningStore implements ProvisioningStore {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS things (thing VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL)",
        "ALTER TABLE things ADD COLUMN IF NOT EXISTS secondary_trust BOOLEAN DEFAULT FALSE NOT NULL",
        "CREATE TABLE IF NOT EXISTS clear_pending (thing VARCHAR PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS friendships (thing VARCHAR, friend VARCHAR, allow BOOLEAN NOT NULL, "
                + "PRIMARY KEY (thing, friend))",
        "CREATE TABLE IF NOT EXISTS asked (thing VARCHAR, jid VARCHAR, PRIMARY KEY (thing, jid))",
        "CREATE TABLE IF NOT EXISTS access_rules (service VARCHAR, rule VARCHAR, PRIMARY KEY (service, rule))",
        "CREATE TABLE IF NOT EXISTS rules (thing VARCHAR, kind VARCHAR, principal VARCHAR, nodes VARCHAR NOT NULL, "
                + "names VARCHAR NOT NULL, PRIMARY KEY (thing, kind, principal))",
        "CREATE TABLE IF NOT EXISTS tokens (token VARCHAR PRIMARY KEY, holder VARCHAR NOT NULL, cert VARBINARY NOT NULL)",
        "ALTER TABLE tokens ADD COLUMN IF NOT EXISTS expires BIGINT DEFAULT 9223372036854775807 NOT NULL",
        "CREATE TABLE IF NOT EXISTS user_tokens (user_token VARCHAR PRIMARY KEY, service VARCHAR NOT NULL, "
                + "user_name VARCHAR)",
        "ALTER TABLE user_tokens ADD COLUMN IF NOT EXISTS expires BIGINT DEFAULT 9223372036854775807 NOT NULL",
        "CREATE TABLE IF NOT EXISTS claim_keys (thing VARCHAR PRIMARY KEY, key_hash VARBINARY NOT NULL)",
        "CREATE TABLE IF NOT EXISTS privileges (service VARCHAR, user_name VARCHAR, seq INT, include BOOLEAN NOT NULL, "
                + "id VARCHAR NOT NULL, PRIMARY KEY (service, user_name, seq))",
    };

    /** How long issued tokens stay valid unless configured otherwise: {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days. */
    public static final int DEFAULT_TOKEN_LIFETIME_DAYS = 365;

    private final Connection db;
    private final Duration tokenLifetime;
    private final Clock clock;

    /**
     * Opens (and creates if needed) the database; tokens live {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days.
     *
     * @param file the database file, without H2's {@code .mv.db} suffix
     * @throws SQLException if it cannot be opened
     */
    public H2ProvisioningStore(Path file) throws SQLException {
        this(file, Duration.ofDays(DEFAULT_TOKEN_LIFETIME_DAYS), Clock.systemUTC());
    }

    /**
     * Opens (and creates if needed) the database with a token lifetime (XEP-0324 §3.1.3).
     *
     * @param file          the database file, without H2's {@code .mv.db} suffix; must not contain {@code ;}
     * @param tokenLifetime how long a token issued from now on stays valid
     * @param clock         the clock deciding when tokens expire
     * @throws SQLException if it cannot be opened
     * @throws IllegalArgumentException if the path contains {@code ;}
     */
    public H2ProvisioningStore(Path file, Duration tokenLifetime, Clock clock) throws SQLException {
        this(H2Files.fileUrl(file, H2Files.DURABLE), tokenLifetime, clock);
    }

    /**
     * Opens a database by JDBC URL (for example an in-memory one for tests); tokens live
     * {@value #DEFAULT_TOKEN_LIFETIME_DAYS} days.
     *
     * @param jdbcUrl the H2 JDBC URL
     * @throws SQLException if it cannot be opened
     */
    public H2ProvisioningStore(String jdbcUrl) throws SQLException {
        this(jdbcUrl, Duration.ofDays(DEFAULT_TOKEN_LIFETIME_DAYS), Clock.systemUTC());
    }

    /**
     * Opens a database by JDBC URL with a token lifetime (XEP-0324 §3.1.3).
     *
     * @param jdbcUrl       the H2 JDBC URL
     * @param tokenLifetime how long a token issued from now on stays valid
     * @param clock         the clock deciding when tokens expire
     * @throws SQLException if it cannot be opened
     */
    public H2ProvisioningStore(String jdbcUrl, Duration tokenLifetime, Clock clock) throws SQLException {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
        this.tokenLifetime = tokenLifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            OptionalDependency.require("org.h2.Driver", "com.h2database:h2", "H2ProvisioningStore");
        }
        db = DriverManager.getConnection(jdbcUrl, "sa", "");
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    @Override
    public synchronized String claim(String thing, String owner) throws SQLException {
        Optional<String> existing = owner(thing);
        if (existing.isPresent()) {
            return existing.get();
        }
        update("INSERT INTO things (thing, owner) VALUES (?, ?)", thing, owner);
        return owner;
    }

    @Override
    public synchronized void setClaimKey(String thing, String key) throws SQLException {
        update("MERGE INTO claim_keys (thing, key_hash) KEY (thing) VALUES (?, ?)", thing, ClaimKeys.hash(thing, key));
    }

    @Override
    public synchronized boolean claimKeyMatches(String thing, String key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT key_hash FROM claim_keys WHERE thing = ?")) {
            p.setString(1, thing);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && MessageDigest.isEqual(rs.getBytes(1), ClaimKeys.hash(thing, key));
            }
        }
    }

    @Override
    public synchronized void removeClaimKey(String thing) throws SQLException {
        update("DELETE FROM claim_keys WHERE thing = ?", thing);
    }

    @Override
    public synchronized int askedCount(String thing) throws SQLException {
        return single("SELECT COUNT(*) FROM asked WHERE thing = ?", thing).map(Integer::parseInt).orElse(0);
    }

    @Override
    public synchronized Optional<String> owner(String thing) throws SQLException {
        return single("SELECT owner FROM things WHERE thing = ?", thing);
    }

    @Override
    public synchronized void setOwner(String thing, String newOwner) throws SQLException {
        update("UPDATE things SET owner = ? WHERE thing = ?", newOwner, thing);
    }

    @Override
    public synchronized void disown(String thing) throws SQLException {
        db.setAutoCommit(false);
        try {
            update("DELETE FROM things WHERE thing = ?", thing);
            update("DELETE FROM friendships WHERE thing = ?", thing);
            update("DELETE FROM rules WHERE thing = ?", thing);
            update("DELETE FROM access_rules WHERE service = ?", thing);
            update("DELETE FROM privileges WHERE service = ?", thing);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void setSecondaryTrust(String thing, boolean allowed) throws SQLException {
        update("UPDATE things SET secondary_trust = ? WHERE thing = ?", allowed, thing);
    }

    @Override
    public synchronized boolean secondaryTrust(String thing) throws SQLException {
        return single("SELECT secondary_trust FROM things WHERE thing = ?", thing).map(Boolean::valueOf).orElse(false);
    }

    @Override
    public synchronized void setFriendship(String thing, String friend, boolean allow) throws SQLException {
        update("MERGE INTO friendships (thing, friend, allow) KEY (thing, friend) VALUES (?, ?, ?)", thing, friend, allow);
    }

    @Override
    public synchronized Optional<Boolean> friendship(String thing, String friend) throws SQLException {
        return single("SELECT allow FROM friendships WHERE thing = ? AND friend = ?", thing, friend).map(Boolean::valueOf);
    }

    @Override
    public synchronized Map<String, Boolean> friendships(String thing) throws SQLException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement("SELECT friend, allow FROM friendships WHERE thing = ? ORDER BY friend")) {
            p.setString(1, thing);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void recordAsked(String thing, String jid) throws SQLException {
        update("MERGE INTO asked (thing, jid) KEY (thing, jid) VALUES (?, ?)", thing, jid);
    }

    @Override
    public synchronized boolean hasAsked(String thing, String jid) throws SQLException {
        return single("SELECT jid FROM asked WHERE thing = ? AND jid = ?", thing, jid).isPresent();
    }

    @Override
    public synchronized void putRule(Rule rule) throws SQLException {
        update("MERGE INTO rules (thing, kind, principal, nodes, names) KEY (thing, kind, principal) VALUES (?, ?, ?, ?, ?)",
                rule.thing(), rule.kind().name(), rule.principal(), RuleCodec.encodeNodes(rule.nodes()),
                RuleCodec.encode(rule.names()));
    }

    @Override
    public synchronized void removeRule(String thing, AccessRequest.Kind kind, String principal) throws SQLException {
        update("DELETE FROM rules WHERE thing = ? AND kind = ? AND principal = ?", thing, kind.name(), principal);
    }

    @Override
    public synchronized List<Rule> rules(String thing, AccessRequest.Kind kind, Collection<String> principals)
            throws SQLException {
        return rules(thing, kind).stream().filter(r -> principals.contains(r.principal())).toList();
    }

    @Override
    public synchronized List<Rule> rules(String thing, AccessRequest.Kind kind) throws SQLException {
        List<Rule> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT principal, nodes, names FROM rules WHERE thing = ? AND kind = ? ORDER BY principal")) {
            p.setString(1, thing);
            p.setString(2, kind.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rule(thing, kind, rs.getString(1), RuleCodec.decodeNodes(rs.getString(2)),
                            RuleCodec.decode(rs.getString(3))));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void putAccessRule(AccessRule rule) throws SQLException {
        update("MERGE INTO access_rules (service, rule) KEY (service, rule) VALUES (?, ?)", rule.service(),
                String.join("\n", rule.lines()));
    }

    @Override
    public synchronized void removeAccessRule(AccessRule rule) throws SQLException {
        update("DELETE FROM access_rules WHERE service = ? AND rule = ?", rule.service(), String.join("\n", rule.lines()));
    }

    @Override
    public synchronized List<AccessRule> accessRules(String service) throws SQLException {
        List<AccessRule> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT rule FROM access_rules WHERE service = ? ORDER BY rule")) {
            p.setString(1, service);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(AccessRule.parse(service, List.of(rs.getString(1).split("\n"))));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void setClearPending(String thing, boolean pending) throws SQLException {
        if (pending) {
            update("MERGE INTO clear_pending (thing) KEY (thing) VALUES (?)", thing);
        } else {
            update("DELETE FROM clear_pending WHERE thing = ?", thing);
        }
    }

    @Override
    public synchronized Set<String> clearPending() throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT thing FROM clear_pending")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public synchronized void putToken(String token, String holder, byte[] certificate) throws SQLException {
        update("MERGE INTO tokens (token, holder, cert, expires) KEY (token) VALUES (?, ?, ?, ?)", token, holder,
                certificate, expiry());
    }

    @Override
    public synchronized Optional<byte[]> tokenCertificate(String token) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT cert FROM tokens WHERE token = ? AND expires > ?")) {
            p.setString(1, token);
            p.setLong(2, clock.millis());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public synchronized Optional<String> tokenHolder(String token) throws SQLException {
        return single("SELECT holder FROM tokens WHERE token = ? AND expires > " + clock.millis(), token);
    }

    @Override
    public synchronized void revokeToken(String token) throws SQLException {
        update("DELETE FROM tokens WHERE token = ?", token);
        update("DELETE FROM user_tokens WHERE user_token = ?", token);
    }

    @Override
    public synchronized boolean isReferenced(String principal) throws SQLException {
        return single("SELECT principal FROM rules WHERE principal = ? LIMIT 1", principal).isPresent();
    }

    @Override
    public synchronized void putUserToken(String userToken, String service) throws SQLException {
        update("MERGE INTO user_tokens (user_token, service, expires) KEY (user_token) VALUES (?, ?, ?)", userToken,
                service, expiry());
    }

    @Override
    public synchronized void setUserName(String service, String userToken, String userName) throws SQLException {
        update("UPDATE user_tokens SET user_name = ? WHERE user_token = ? AND service = ?", userName, userToken, service);
    }

    @Override
    public synchronized Optional<String> userName(String service, String userToken) throws SQLException {
        return single("SELECT user_name FROM user_tokens WHERE service = ? AND user_token = ? AND user_name IS NOT NULL"
                + " AND expires > " + clock.millis(), service, userToken);
    }

    @Override
    public synchronized void setPrivileges(String service, String user, List<PrivilegeRule> rules) throws SQLException {
        db.setAutoCommit(false);
        try {
            update("DELETE FROM privileges WHERE service = ? AND user_name = ?", service, user);
            for (int i = 0; i < rules.size(); i++) {
                update("INSERT INTO privileges (service, user_name, seq, include, id) VALUES (?, ?, ?, ?, ?)", service, user,
                        i, rules.get(i).include(), rules.get(i).id());
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    public synchronized List<PrivilegeRule> privileges(String service, String user) throws SQLException {
        List<PrivilegeRule> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT include, id FROM privileges WHERE service = ? AND user_name = ? ORDER BY seq")) {
            p.setString(1, service);
            p.setString(2, user);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new PrivilegeRule(rs.getBoolean(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }

    /** Expiry of a token issued now, in epoch milliseconds (saturating). */
    private long expiry() {
        try {
            return Math.addExact(clock.millis(), tokenLifetime.toMillis());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private Optional<String> single(String sql, String... args) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
