package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.access.AccessRequest;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Read-out and control rules, service access rules and {@code clearCache} marks of a {@link JdbcProvisioningStore}
 * (XEP-0324 §3.3, §3.4, §3.5.1, §3.6). */
final class RuleTables {

    private final SqlRunner sql;

    RuleTables(SqlRunner sql) {
        this.sql = sql;
    }

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

    public void removeRule(String thing, AccessRequest.Kind kind, String principal) throws SQLException {
        sql.update("DELETE FROM rules WHERE thing = ? AND kind = ? AND principal = ?", thing, kind.name(), principal);
    }

    public List<Rule> rules(String thing, AccessRequest.Kind kind, Collection<String> principals) throws SQLException {
        return rules(thing, kind).stream()
                .filter(r -> principals.contains(r.principal()))
                .toList();
    }

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

    public void putAccessRule(AccessRule rule) throws SQLException {
        sql.upsert(
                "access_rules", List.of("service", "rule"), List.of(), rule.service(), String.join("\n", rule.lines()));
    }

    public void removeAccessRule(AccessRule rule) throws SQLException {
        sql.update(
                "DELETE FROM access_rules WHERE service = ? AND rule = ?",
                rule.service(),
                String.join("\n", rule.lines()));
    }

    public List<AccessRule> accessRules(String service) throws SQLException {
        return sql.list(
                "SELECT rule FROM access_rules WHERE service = ? ORDER BY rule",
                rs -> AccessRule.parse(service, List.of(rs.getString(1).split("\n"))),
                service);
    }

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

    public Set<String> clearPending() throws SQLException {
        return new LinkedHashSet<>(sql.list("SELECT thing FROM clear_pending ORDER BY thing", rs -> rs.getString(1)));
    }

    public OptionalLong clearPendingGeneration(String thing) throws SQLException {
        return sql.list("SELECT generation FROM clear_pending WHERE thing = ?", rs -> rs.getLong(1), thing).stream()
                .mapToLong(Long::longValue)
                .findFirst();
    }

    public boolean clearPendingDone(String thing, long generation) throws SQLException {
        return sql.update("DELETE FROM clear_pending WHERE thing = ? AND generation = ?", thing, generation) == 1
                || clearPendingGeneration(thing).isEmpty();
    }

    public boolean isReferenced(String principal) throws SQLException {
        return sql.single("SELECT principal FROM rules WHERE principal = ? LIMIT 1", principal)
                .isPresent();
    }
}
