package io.github.xmppiot.provisioning.durability;

import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link StoresSurviveKillTest} on PostgreSQL: a child JVM makes the provisioning store's changes, acknowledges them
 * and is killed with SIGKILL; a store opened here on the same database holds every change.
 */
@PostgresTest
class PostgresStoresSurviveKillTest {

    @Test
    void theProvisioningStoreKeepsEveryAcknowledgedChangeAfterKill9(PostgresServer pg) throws Exception {
        String url = "postgresql://" + PostgresServer.HOST + ":" + pg.port() + "/" + pg.createDatabase("killed");
        ChildJvm.runUntilAckThenKill(
                Map.of(KilledStores.USER_ENV, PostgresServer.USER, KilledStores.PASSWORD_ENV, pg.password()),
                KilledStores.class,
                "provisioning-postgresql",
                url);
        try (JdbcProvisioningStore reloaded =
                JdbcProvisioningStore.postgresql(url, PostgresServer.USER, pg.password())) {
            StoresSurviveKillTest.assertKeptEveryAcknowledgedChange(reloaded);
        }
    }
}
