package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.internal.H2Files;
import io.github.xmppiot.core.internal.OptionalDependency;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistent part of the Thing's decision cache (XEP-0324 §5.2: persist the cache to avoid start-up storms): one
 * H2 table in an embedded file database. Every change is on disk before its method returns ({@code WRITE_DELAY=0}),
 * so a {@link #clear()} survives a {@code kill -9} right after it (revoked grants never come back). The file is
 * owner-only ({@link H2Files}). Not thread-safe; used from one thread. Not API.
 */
public final class H2DecisionStore implements AutoCloseable {

    /** A stored entry. */
    public record Row(String key, String decision, long createdMillis) {}

    private final Connection connection;

    /**
     * Opens (and creates if needed) the database file.
     *
     * @param file the database file, without H2's {@code .mv.db} suffix; must not contain {@code ;}
     * @throws SQLException if the database cannot be opened
     */
    public H2DecisionStore(Path file) throws SQLException {
        OptionalDependency.require("org.h2.Driver", "com.h2database:h2", "The persistent decision cache");
        connection = DriverManager.getConnection(H2Files.fileUrl(file, H2Files.DURABLE), "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS decision_cache (cache_key VARCHAR PRIMARY KEY, "
                    + "decision VARCHAR NOT NULL, created_millis BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS trusted_servers (server VARCHAR PRIMARY KEY)");
        }
    }

    /**
     * Every entry, oldest first.
     *
     * @return the entries
     * @throws SQLException on database errors
     */
    public List<Row> loadAll() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT cache_key, decision, created_millis FROM decision_cache "
                        + "ORDER BY created_millis")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return rows;
    }

    /**
     * Inserts or replaces an entry.
     *
     * @param row the entry
     * @throws SQLException on database errors
     */
    public void put(Row row) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "MERGE INTO decision_cache (cache_key, decision, created_millis) KEY (cache_key) VALUES (?, ?, ?)")) {
            p.setString(1, row.key());
            p.setString(2, row.decision());
            p.setLong(3, row.createdMillis());
            p.executeUpdate();
        }
    }

    /**
     * Removes an entry.
     *
     * @param key the key
     * @throws SQLException on database errors
     */
    public void remove(String key) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM decision_cache WHERE cache_key = ?")) {
            p.setString(1, key);
            p.executeUpdate();
        }
    }

    /**
     * Removes every entry.
     *
     * @throws SQLException on database errors
     */
    public void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM decision_cache");
        }
    }

    /**
     * The servers the cached decisions were made under.
     *
     * @return their bare JIDs
     * @throws SQLException on database errors
     */
    public List<String> servers() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT server FROM trusted_servers")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Remembers a trusted server.
     *
     * @param server its bare JID
     * @throws SQLException on database errors
     */
    public void addServer(String server) throws SQLException {
        try (PreparedStatement p =
                connection.prepareStatement("MERGE INTO trusted_servers (server) KEY (server) VALUES (?)")) {
            p.setString(1, server);
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
