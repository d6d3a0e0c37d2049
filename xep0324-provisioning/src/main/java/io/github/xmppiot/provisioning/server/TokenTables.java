package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Tokens, user tokens and user privileges of a {@link JdbcProvisioningStore} (XEP-0324 §3.1.3, §3.6, §3.7); tokens
 * expire after the store's token lifetime, measured with its clock. */
final class TokenTables {

    private final SqlRunner sql;
    private final Duration tokenLifetime;
    private final Clock clock;

    TokenTables(SqlRunner sql, Duration tokenLifetime, Clock clock) {
        this.sql = sql;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    public void putToken(String token, String holder, byte[] certificate) throws SQLException {
        sql.upsert(
                "tokens", List.of("token"), List.of("holder", "cert", "expires"), token, holder, certificate, expiry());
    }

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

    public Optional<String> tokenHolder(String token) throws SQLException {
        return sql.single("SELECT holder FROM tokens WHERE token = ? AND expires > ?", token, clock.millis());
    }

    public void revokeToken(String token) throws SQLException {
        sql.inTransaction(tx -> {
            tx.update("DELETE FROM tokens WHERE token = ?", token);
            tx.update("DELETE FROM user_tokens WHERE user_token = ?", token);
        });
    }

    public void putUserToken(String userToken, String service) throws SQLException {
        sql.upsert("user_tokens", List.of("user_token"), List.of("service", "expires"), userToken, service, expiry());
    }

    public void setUserName(String service, String userToken, String userName) throws SQLException {
        sql.update(
                "UPDATE user_tokens SET user_name = ? WHERE user_token = ? AND service = ?",
                userName,
                userToken,
                service);
    }

    public Optional<String> userName(String service, String userToken) throws SQLException {
        return sql.single(
                "SELECT user_name FROM user_tokens WHERE service = ? AND user_token = ? AND user_name IS NOT"
                        + " NULL AND expires > ?",
                service,
                userToken,
                clock.millis());
    }

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

    public List<PrivilegeRule> privileges(String service, String user) throws SQLException {
        return sql.list(
                "SELECT include, id FROM privileges WHERE service = ? AND user_name = ? ORDER BY seq",
                rs -> new PrivilegeRule(rs.getBoolean(1), rs.getString(2)),
                service,
                user);
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
