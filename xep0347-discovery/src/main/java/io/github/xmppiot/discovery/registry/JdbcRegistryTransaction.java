package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.internal.SqlSearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** One transaction of {@link JdbcRegistryStorage}. */
final class JdbcRegistryTransaction implements RegistryTransaction {

    private static final String THING_COLUMNS =
            "id, jid, node_id, source_id, cache_type, owner, is_public, self_owned, last_seen";

    private final Connection c;

    JdbcRegistryTransaction(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<ThingRecord> find(ThingKey key) {
        NodeRef n = key.node();
        List<ThingRecord> r = things(
                "SELECT " + THING_COLUMNS + " FROM thing WHERE jid = ? AND node_id = ? AND source_id = ?"
                        + " AND cache_type = ?",
                List.of(
                        key.jid().toString(),
                        n == null ? "" : n.nodeId(),
                        n == null || n.sourceId() == null ? "" : n.sourceId(),
                        n == null || n.cacheType() == null ? "" : n.cacheType()),
                false);
        return r.stream().findFirst();
    }

    @Override
    public List<ThingRecord> findByTag(MetaTag tag) {
        String where = tag instanceof StringTag ? "str_value = ?" : "num_value = ?";
        Object value = tag instanceof NumericTag n ? (Object) n.doubleValue() : tag.lexicalValue();
        return things(
                "SELECT " + THING_COLUMNS + " FROM thing WHERE id IN (SELECT thing_id FROM tag WHERE name = ? AND "
                        + where + ") ORDER BY id",
                List.of(tag.key(), value),
                false);
    }

    @Override
    public ThingRecord put(
            ThingKey key, List<MetaTag> tags, BareJid owner, boolean isPublic, boolean selfOwned, Jid lastSeen) {
        find(key).ifPresent(old -> delete(old.id()));
        NodeRef n = key.node();
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO thing (jid, node_id, source_id, cache_type, owner,"
                        + " is_public, self_owned, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, key.jid().toString());
            ps.setString(2, n == null ? "" : n.nodeId());
            ps.setString(3, n == null || n.sourceId() == null ? "" : n.sourceId());
            ps.setString(4, n == null || n.cacheType() == null ? "" : n.cacheType());
            ps.setString(5, owner == null ? null : owner.toString());
            ps.setBoolean(6, isPublic);
            ps.setBoolean(7, selfOwned);
            ps.setString(8, lastSeen == null ? null : lastSeen.toString());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong("id");
            }
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
        insertTags(id, tags, 0, owner != null && isPublic);
        return new ThingRecord(id, key, tags, owner, isPublic, selfOwned, lastSeen);
    }

    private void insertTags(long id, List<MetaTag> tags, int firstSeq, boolean searchable) {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO tag (thing_id, name, label, seq, str_value, num_value,"
                        + " num_lexical, searchable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (MetaTag t : tags) {
                ps.setLong(1, id);
                ps.setString(2, t.key());
                ps.setString(3, t.name());
                ps.setInt(4, seq++);
                if (t instanceof NumericTag num) {
                    ps.setNull(5, Types.VARCHAR);
                    ps.setDouble(6, num.doubleValue());
                    ps.setString(7, num.lexical());
                } else {
                    ps.setString(5, t.lexicalValue());
                    ps.setNull(6, Types.DOUBLE);
                    ps.setNull(7, Types.VARCHAR);
                }
                ps.setBoolean(8, searchable && !t.isKey());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    @Override
    public void setOwnership(long id, BareJid owner, boolean isPublic) {
        update(
                "UPDATE thing SET owner = ?, is_public = ? WHERE id = ?",
                owner == null ? null : owner.toString(),
                isPublic,
                id);
        update("UPDATE tag SET searchable = (name <> 'KEY' AND ?) WHERE thing_id = ?", owner != null && isPublic, id);
    }

    @Override
    public void upsertTags(long id, List<MetaTag> tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.key()));
        Map<String, Integer> seqs = new LinkedHashMap<>();
        boolean searchable = false;
        int next = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT t.name, t.seq, (th.owner IS NOT NULL AND th.is_public)"
                + " FROM thing th LEFT JOIN tag t ON t.thing_id = th.id WHERE th.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    searchable = rs.getBoolean(3);
                    if (rs.getString(1) != null) {
                        seqs.put(rs.getString(1), rs.getInt(2));
                        next = Math.max(next, rs.getInt(2) + 1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
        removeTags(id, names);
        for (MetaTag t : tags) {
            Integer seq = seqs.get(t.key());
            insertTags(id, List.of(t), seq != null ? seq : next++, searchable);
        }
    }

    @Override
    public void removeTags(long id, List<String> names) {
        for (String name : names) {
            update("DELETE FROM tag WHERE thing_id = ? AND name = ?", id, name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public void setLastSeen(long id, Jid lastSeen) {
        update("UPDATE thing SET last_seen = ? WHERE id = ?", lastSeen.toString(), id);
    }

    @Override
    public boolean delete(long id) {
        update("DELETE FROM tag WHERE thing_id = ?", id);
        return update("DELETE FROM thing WHERE id = ?", id) > 0;
    }

    @Override
    public Page search(List<SearchOperator> operators, int offset, int limit, java.time.Duration timeout) {
        SqlSearch q = SqlSearch.of(operators, offset, limit + 1);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            ps.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000)));
            bind(ps, q.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
        boolean more = ids.size() > limit;
        List<Long> page = more ? ids.subList(0, limit) : ids;
        if (page.isEmpty()) {
            return new Page(List.of(), false);
        }
        String in = String.join(",", Collections.nCopies(page.size(), "?"));
        List<ThingRecord> records = things(
                "SELECT " + THING_COLUMNS + " FROM thing WHERE id IN (" + in + ") ORDER BY id",
                new ArrayList<>(page),
                true);
        return new Page(records, more);
    }

    @Override
    public int countByJid(BareJid jid) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM thing WHERE jid = ?")) {
            ps.setString(1, jid.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    private List<ThingRecord> things(String sql, List<Object> params, boolean withoutKey) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8),
                        rs.getString(9)
                    });
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, List<MetaTag>> tags = tags(rows.keySet(), withoutKey);
            List<ThingRecord> out = new ArrayList<>(rows.size());
            for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
                Object[] r = e.getValue();
                NodeRef node =
                        ((String) r[1]).isEmpty() ? null : new NodeRef((String) r[1], (String) r[2], (String) r[3]);
                ThingKey key = new ThingKey(JidCreate.bareFrom((String) r[0]), node);
                BareJid owner = r[4] == null ? null : JidCreate.bareFrom((String) r[4]);
                Jid lastSeen = r[7] == null ? null : JidCreate.from((String) r[7]);
                out.add(new ThingRecord(
                        e.getKey(),
                        key,
                        tags.getOrDefault(e.getKey(), List.of()),
                        owner,
                        (Boolean) r[5],
                        (Boolean) r[6],
                        lastSeen));
            }
            return out;
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        } catch (XmppStringprepException e) {
            throw new IllegalStateException("corrupt JID in the registry database", e);
        }
    }

    private Map<Long, List<MetaTag>> tags(java.util.Collection<Long> ids, boolean withoutKey) throws SQLException {
        Map<Long, List<MetaTag>> out = new LinkedHashMap<>();
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps =
                c.prepareStatement("SELECT thing_id, label, str_value, num_lexical FROM tag WHERE thing_id IN (" + in
                        + ")" + (withoutKey ? " AND name <> 'KEY'" : "") + " ORDER BY thing_id, seq")) {
            bind(ps, new ArrayList<>(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lexical = rs.getString(4);
                    MetaTag t = lexical != null
                            ? new NumericTag(rs.getString(2), lexical)
                            : new StringTag(rs.getString(2), rs.getString(3));
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(t);
                }
            }
        }
        return out;
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(params));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** An SQL failure inside a transaction, unwrapped by {@link JdbcRegistryStorage}. */
    static final class UncheckedSql extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSql(SQLException cause) {
            super(cause);
        }

        /** @return the SQL failure */
        SQLException sql() {
            return (SQLException) getCause();
        }
    }
}
