package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ProvisioningStore} in an embedded H2 file database. Every change is committed before its method returns,
 * with H2's write delay switched off, so that an acknowledged change survives a crash of the server process.
 */
public final class H2ProvisioningStore implements ProvisioningStore {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS things (thing VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL)",
        "CREATE TABLE IF NOT EXISTS clear_pending (thing VARCHAR PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS friendships (thing VARCHAR, friend VARCHAR, allow BOOLEAN NOT NULL, "
                + "PRIMARY KEY (thing, friend))",
        "CREATE TABLE IF NOT EXISTS rules (thing VARCHAR, kind VARCHAR, principal VARCHAR, nodes VARCHAR NOT NULL, "
                + "names VARCHAR NOT NULL, PRIMARY KEY (thing, kind, principal))",
        "CREATE TABLE IF NOT EXISTS tokens (token VARCHAR PRIMARY KEY, holder VARCHAR NOT NULL, cert VARBINARY NOT NULL)",
        "CREATE TABLE IF NOT EXISTS user_tokens (user_token VARCHAR PRIMARY KEY, service VARCHAR NOT NULL, "
                + "user_name VARCHAR)",
        "CREATE TABLE IF NOT EXISTS privileges (service VARCHAR, user_name VARCHAR, seq INT, include BOOLEAN NOT NULL, "
                + "id VARCHAR NOT NULL, PRIMARY KEY (service, user_name, seq))",
    };

    private final Connection db;

    /**
     * Opens (and creates if needed) the database.
     *
     * @param file the database file, without H2's {@code .mv.db} suffix
     * @throws SQLException if it cannot be opened
     */
    public H2ProvisioningStore(Path file) throws SQLException {
        this("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0");
    }

    /**
     * Opens a database by JDBC URL (for example an in-memory one for tests).
     *
     * @param jdbcUrl the H2 JDBC URL
     * @throws SQLException if it cannot be opened
     */
    public H2ProvisioningStore(String jdbcUrl) throws SQLException {
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
    public synchronized Optional<String> owner(String thing) throws SQLException {
        return single("SELECT owner FROM things WHERE thing = ?", thing);
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
    public synchronized void putRule(Rule rule) throws SQLException {
        update("MERGE INTO rules (thing, kind, principal, nodes, names) KEY (thing, kind, principal) VALUES (?, ?, ?, ?, ?)",
                rule.thing(), rule.kind().name(), rule.principal(), encodeNodes(rule.nodes()), encode(rule.names()));
    }

    @Override
    public synchronized void removeRule(String thing, AccessRequest.Kind kind, String principal) throws SQLException {
        update("DELETE FROM rules WHERE thing = ? AND kind = ? AND principal = ?", thing, kind.name(), principal);
    }

    @Override
    public synchronized List<Rule> rules(String thing, AccessRequest.Kind kind, Collection<String> principals)
            throws SQLException {
        List<Rule> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT principal, nodes, names FROM rules WHERE thing = ? AND kind = ? ORDER BY principal")) {
            p.setString(1, thing);
            p.setString(2, kind.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (principals.contains(rs.getString(1))) {
                        out.add(new Rule(thing, kind, rs.getString(1), decodeNodes(rs.getString(2)), decode(rs.getString(3))));
                    }
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
        update("MERGE INTO tokens (token, holder, cert) KEY (token) VALUES (?, ?, ?)", token, holder, certificate);
    }

    @Override
    public synchronized Optional<byte[]> tokenCertificate(String token) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT cert FROM tokens WHERE token = ?")) {
            p.setString(1, token);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public synchronized Optional<String> tokenHolder(String token) throws SQLException {
        return single("SELECT holder FROM tokens WHERE token = ?", token);
    }

    @Override
    public synchronized void putUserToken(String userToken, String service) throws SQLException {
        update("MERGE INTO user_tokens (user_token, service) KEY (user_token) VALUES (?, ?)", userToken, service);
    }

    @Override
    public synchronized void setUserName(String service, String userToken, String userName) throws SQLException {
        update("UPDATE user_tokens SET user_name = ? WHERE user_token = ? AND service = ?", userName, userToken, service);
    }

    @Override
    public synchronized Optional<String> userName(String service, String userToken) throws SQLException {
        return single("SELECT user_name FROM user_tokens WHERE service = ? AND user_token = ? AND user_name IS NOT NULL",
                service, userToken);
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

    private static String encodeNodes(List<NodeRef> nodes) {
        List<String> parts = new ArrayList<>();
        for (NodeRef n : nodes) {
            parts.add(enc(n.nodeId()) + ":" + enc(n.sourceId() == null ? "" : n.sourceId()) + ":"
                    + enc(n.cacheType() == null ? "" : n.cacheType()));
        }
        return String.join(",", parts);
    }

    private static List<NodeRef> decodeNodes(String s) {
        List<NodeRef> out = new ArrayList<>();
        for (String part : decodeRaw(s)) {
            String[] t = part.split(":", -1);
            out.add(new NodeRef(dec(t[0]), dec(t[1]), dec(t[2])));
        }
        return out;
    }

    private static String encode(List<String> names) {
        return String.join(",", names.stream().map(H2ProvisioningStore::enc).toList());
    }

    private static List<String> decode(String s) {
        return decodeRaw(s).stream().map(H2ProvisioningStore::dec).toList();
    }

    private static List<String> decodeRaw(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
