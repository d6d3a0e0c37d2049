package io.github.xmppiot.provisioning.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.internal.H2DecisionStore;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store is durable before it acknowledges: a child JVM makes a change, acknowledges it, and is killed with
 * SIGKILL at once; the database reloaded here holds the change.
 */
class StoresSurviveKillTest {

    @TempDir
    Path dir;

    @Test
    void aClearedDecisionCacheStaysClearedAfterKill9() throws Exception {
        Path file = dir.resolve("cache");
        ChildJvm.runUntilAckThenKill(KilledStores.class, "decisions", file.toString());
        try (H2DecisionStore reloaded = new H2DecisionStore(file)) {
            assertThat(reloaded.loadAll())
                    .as("revoked grants must not come back")
                    .extracting(H2DecisionStore.Row::key)
                    .containsExactly("after-clear");
        }
    }

    @Test
    void theProvisioningStoreKeepsEveryAcknowledgedChangeAfterKill9() throws Exception {
        Path file = dir.resolve("rules");
        ChildJvm.runUntilAckThenKill(KilledStores.class, "provisioning", file.toString());
        try (JdbcProvisioningStore reloaded = JdbcProvisioningStore.h2(file)) {
            assertKeptEveryAcknowledgedChange(reloaded);
        }
    }

    /** What {@link KilledStores}' provisioning scenario acknowledged before it was killed. */
    static void assertKeptEveryAcknowledgedChange(JdbcProvisioningStore reloaded) throws Exception {
        assertThat(reloaded.owner("thing@example.org")).contains("owner@example.org");
        assertThat(reloaded.tokenHolder("TOKEN")).contains("client@example.org");
        assertThat(reloaded.rules("thing@example.org", AccessRequest.Kind.READ))
                .as("the removal was acknowledged")
                .isEmpty();
        assertThat(reloaded.clearPending()).containsExactly("thing@example.org");
        assertThat(reloaded.claimKeyMatches("other@example.org", "KEY-OF-OTHER"))
                .isTrue();
    }
}
