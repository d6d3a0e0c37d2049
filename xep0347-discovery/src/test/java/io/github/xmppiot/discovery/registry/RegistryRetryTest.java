package io.github.xmppiot.discovery.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.meta.MetaTag;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * How {@link JdbcRegistryStorage} ends a transaction that fails (on H2): a conflict with another transaction
 * (serialization failure, deadlock, duplicate key, H2's lock and concurrent-update errors) is rolled back and run
 * again, at most {@link JdbcRegistryStorage#ATTEMPTS} times in all; any other failure ends it at once; a closed
 * storage refuses work and releases its database.
 */
class RegistryRetryTest {

    private static final BareJid THING = JidCreate.bareFromOrThrowUnchecked("thing@example.org");
    private static final ThingKey KEY = new ThingKey(THING, null);

    private JdbcRegistryStorage storage = RegistryDatabases.h2Memory();

    @AfterEach
    void close() {
        storage.close();
    }

    /** Work that writes the Thing, then fails with {@code failure} on its first {@code failing} runs. */
    private static RegistryStorage.TransactionWork<String> failing(
            int failing, SQLException failure, AtomicInteger runs) {
        return tx -> {
            tx.put(KEY, List.of(MetaTag.str("SN", "run " + runs.get())), THING, true, true, null);
            if (runs.incrementAndGet() <= failing) {
                throw new JdbcRegistryTransaction.UncheckedSql(failure);
            }
            return "done";
        };
    }

    private boolean thingStored() {
        return storage.inTransaction(tx -> tx.find(KEY)).isPresent();
    }

    @Test
    void aSerializationFailureIsRolledBackAndRunAgain() {
        AtomicInteger runs = new AtomicInteger();

        String result = storage.inTransaction(failing(2, new SQLException("conflict", "40001"), runs));

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
        assertThat(thingStored()).isTrue();
    }

    @Test
    void anH2LockErrorFoundAmongTheCausesIsAConflictToo() {
        AtomicInteger runs = new AtomicInteger();
        SQLException wrapped = new SQLException("wrapper", "HY000", 0, new SQLException("lock", "HYT00", 50200));

        assertThat(storage.inTransaction(failing(1, wrapped, runs))).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aConflictThatPersistsEndsAfterTheLastAttemptNamingIt() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(
                        () -> storage.inTransaction(failing(Integer.MAX_VALUE, new SQLException("dup", "23505"), runs)))
                .isInstanceOf(RegistryStorageException.class)
                .hasMessageContaining("registry database busy: " + JdbcRegistryStorage.ATTEMPTS + " attempts");
        assertThat(runs).hasValue(JdbcRegistryStorage.ATTEMPTS);
        assertThat(thingStored()).as("no attempt was committed").isFalse();
    }

    @Test
    void anyOtherFailureEndsTheTransactionAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        SQLException broken = new SQLException("syntax", "42000", 42000);

        assertThatThrownBy(() -> storage.inTransaction(failing(1, broken, runs)))
                .isInstanceOf(RegistryStorageException.class)
                .hasMessageContaining("registry database failed")
                .hasCause(broken);
        assertThat(runs).hasValue(1);
        assertThat(thingStored()).isFalse();
    }

    @Test
    void aClosedStorageRefusesWorkAndReleasesItsDatabase() {
        // an in-memory H2 database without DB_CLOSE_DELAY lives while a connection to it is open
        String url = "jdbc:h2:mem:retry-" + System.nanoTime();
        storage.close();
        JdbcRegistryStorage first = JdbcRegistryStorage.jdbc(url, "sa", "");
        storage = first;
        storage.inTransaction(failing(0, null, new AtomicInteger()));
        assertThat(thingStored()).isTrue();

        first.close();

        assertThatThrownBy(() -> first.inTransaction(tx -> tx.find(KEY)))
                .isInstanceOf(RegistryStorageException.class)
                .hasMessageContaining("storage closed");
        storage = JdbcRegistryStorage.jdbc(url, "sa", "");
        assertThat(thingStored()).as("a new, empty database").isFalse();
        first.close(); // idempotent
    }

    @Test
    void aPostgresqlServerThatCannotBeReachedIsNamed() {
        assertThatThrownBy(() -> JdbcRegistryStorage.postgresql("postgresql://127.0.0.1:1/registry", "reg", null))
                .isInstanceOf(RegistryStorageException.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
