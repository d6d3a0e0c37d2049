package io.github.xmppiot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import org.junit.jupiter.api.Test;

/**
 * The soak run with a small count, so {@code mvn verify} notices when it breaks: every read-out and set is answered
 * with the expected data, and the simulated chip's write log stays bounded. The heap and thread figures need the full
 * run ({@link Soak#main}); a few thousand operations are too few for a 10 % comparison.
 */
@ProsodyTest(tls = false)
class SoakIT {

    @Test
    void aThingAndAHubServeReadOutsAndSetsWithABoundedMockLog(ProsodyServer server) throws Exception {
        Soak.Result result = Soak.run(server, 2_500, 250, 1_500);

        assertThat(result.mockWrites()).isPositive().isLessThanOrEqualTo(MockHal.HISTORY_LIMIT);
        assertThat(result.threadsAtEnd()).isPositive();
        assertThat(result.heapAtEnd()).isPositive();
    }
}
