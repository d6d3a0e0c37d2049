package io.github.xmppiot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.PostgresServer;
import io.github.xmppiot.testkit.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryScale} with small counts, so {@code mvn verify} notices when it breaks: the bulk fill gives
 * searchable Things, searches find full pages, the plan is read, and both instance counts register every Thing.
 */
@PostgresTest
class RegistryScaleIT {

    @Test
    void aSmallRunFillsSearchesAndRegisters(PostgresServer pg) throws Exception {
        RegistryScale.Result r = RegistryScale.run(pg, new int[] {20_000, 30_000}, 5, 20, 200);

        assertThat(r.sizes()).hasSize(2);
        assertThat(r.sizes()).allSatisfy(s -> {
            assertThat(s.search().count()).isEqualTo(20);
            assertThat(s.matched()).isEqualTo(20);
            assertThat(s.plan()).contains("Execution Time");
        });
        assertThat(r.rates()).extracting(RegistryScale.Rate::instances).containsExactly(1, 2);
        assertThat(r.rates()).allSatisfy(rate -> assertThat(rate.total()).isEqualTo(200));
    }
}
