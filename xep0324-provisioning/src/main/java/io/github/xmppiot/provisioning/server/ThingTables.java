package io.github.xmppiot.provisioning.server;

import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Things, owners, claim-key hashes, secondary trust, friendships and the {@code isFriend} askers of a {@link
 * JdbcProvisioningStore} (XEP-0324 §3.2). */
final class ThingTables {

    private final SqlRunner sql;

    ThingTables(SqlRunner sql) {
        this.sql = sql;
    }

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

    public void setClaimKey(String thing, String key) throws SQLException {
        sql.upsert("claim_keys", List.of("thing"), List.of("key_hash"), thing, ClaimKeys.hash(thing, key));
    }

    public boolean claimKeyMatches(String thing, String key) throws SQLException {
        List<byte[]> hashes = sql.list("SELECT key_hash FROM claim_keys WHERE thing = ?", rs -> rs.getBytes(1), thing);
        return !hashes.isEmpty() && MessageDigest.isEqual(hashes.get(0), ClaimKeys.hash(thing, key));
    }

    public void removeClaimKey(String thing) throws SQLException {
        sql.update("DELETE FROM claim_keys WHERE thing = ?", thing);
    }

    public int askedCount(String thing) throws SQLException {
        return sql.list("SELECT COUNT(*) FROM asked WHERE thing = ?", rs -> rs.getInt(1), thing)
                .get(0);
    }

    public Optional<String> owner(String thing) throws SQLException {
        return sql.single("SELECT owner FROM things WHERE thing = ?", thing);
    }

    public void setOwner(String thing, String newOwner) throws SQLException {
        sql.update("UPDATE things SET owner = ? WHERE thing = ?", newOwner, thing);
    }

    public void disown(String thing) throws SQLException {
        sql.inTransaction(tx -> {
            tx.update("DELETE FROM things WHERE thing = ?", thing);
            tx.update("DELETE FROM friendships WHERE thing = ?", thing);
            tx.update("DELETE FROM rules WHERE thing = ?", thing);
            tx.update("DELETE FROM access_rules WHERE service = ?", thing);
            tx.update("DELETE FROM privileges WHERE service = ?", thing);
        });
    }

    public void setSecondaryTrust(String thing, boolean allowed) throws SQLException {
        sql.update("UPDATE things SET secondary_trust = ? WHERE thing = ?", allowed, thing);
    }

    public boolean secondaryTrust(String thing) throws SQLException {
        return sql.list("SELECT secondary_trust FROM things WHERE thing = ?", rs -> rs.getBoolean(1), thing).stream()
                .findFirst()
                .orElse(false);
    }

    public void setFriendship(String thing, String friend, boolean allow) throws SQLException {
        sql.upsert("friendships", List.of("thing", "friend"), List.of("allow"), thing, friend, allow);
    }

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

    public void recordAsked(String thing, String jid) throws SQLException {
        sql.upsert("asked", List.of("thing", "jid"), List.of(), thing, jid);
    }

    public boolean hasAsked(String thing, String jid) throws SQLException {
        return sql.single("SELECT jid FROM asked WHERE thing = ? AND jid = ?", thing, jid)
                .isPresent();
    }
}
