package io.github.xmppiot.discovery.registry;

import static io.github.xmppiot.core.meta.MetaTag.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.internal.SqlDatabase;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Search;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Issue 15 item 5: the search query carries the configured JDBC query timeout, and a query the database stops for
 * taking too long is answered {@code resource-constraint}. The database is a real H2; the only addition is a
 * recorder around its statements that, when asked, lets the search query fail as a driver does when the timeout
 * expires. On H2 here, on PostgreSQL in {@link RegistrySearchTimeoutPostgresIT}.
 */
class RegistrySearchTimeoutTest {

    private static final List<SearchOperator> BY_MODEL = List.of(new StringComparison(Comparison.EQ, "MODEL", "IMC"));

    private final List<Integer> timeouts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean expire = new AtomicBoolean();
    private JdbcRegistryStorage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    /** @return a new, empty database */
    SqlDatabase.Location location() {
        return new SqlDatabase.Location(RegistryDatabases.h2MemoryUrl(), "sa", "");
    }

    private Connection recorded(Connection real) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object r = invoke(method, real, args);
                    if (r instanceof PreparedStatement ps && ((String) args[0]).startsWith("SELECT t0.thing_id")) {
                        return statement(ps);
                    }
                    return r;
                });
    }

    private PreparedStatement statement(PreparedStatement real) {
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setQueryTimeout")) {
                        timeouts.add((Integer) args[0]);
                    }
                    if (method.getName().equals("executeQuery") && expire.get()) {
                        throw new SQLTimeoutException("Statement was canceled or the session timed out", "57014");
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void theSearchCarriesTheTimeoutAndATimeoutIsAResourceConstraint() throws Exception {
        storage = RegistryDatabases.decorated(location(), this::recorded);
        RegistryRules rules =
                new RegistryRules(storage, RegistryOptions.defaults().withSearchLimits(20, Duration.ofMillis(2500)));
        rules.register(
                JidCreate.from("thing@example.org/x"),
                new Register(List.of(str("MODEL", "IMC"), str("KEY", "k-1234567890")), null, false));
        rules.claim(
                JidCreate.from("owner@example.org/x"),
                new Mine(List.of(str("MODEL", "IMC"), str("KEY", "k-1234567890")), null, true));
        assertThat(rules.search(new Search(BY_MODEL, 0, null)).things()).hasSize(1);
        assertThat(timeouts).containsExactly(3);
        expire.set(true);
        assertThatThrownBy(() -> rules.search(new Search(BY_MODEL, 0, null)))
                .isInstanceOfSatisfying(
                        IotErrorException.class,
                        e -> assertThat(e.condition()).isEqualTo(Condition.resource_constraint))
                .hasMessageContaining("PT2.5S");
    }
}
