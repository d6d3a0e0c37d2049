package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented bounds on read-outs: every limit at least 1, a per-requester limit at most its total. */
class ReadoutLimitsTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void theSmallestLimitsAreOne() {
        ReadoutLimits l = new ReadoutLimits(1, 1, 1, 1, Duration.ofMillis(1));
        assertThat(l.activeTotal()).isEqualTo(1);
        assertThat(l.whenHorizon()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void eachLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new ReadoutLimits(0, 1, 1, 1, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("read-out limits must be at least 1 and a per-requester limit at most its total:"
                        + " 0/1 active, 1/1 queued");
        assertThatThrownBy(() -> new ReadoutLimits(1, 0, 1, 1, DAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPerRequesterLimitIsAtMostItsTotal() {
        assertThat(new ReadoutLimits(4, 3, 4, 3, DAY).queuedTotal()).isEqualTo(3);
        assertThatThrownBy(() -> new ReadoutLimits(4, 3, 3, 3, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadoutLimits(4, 3, 4, 2, DAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHorizonIsPositive() {
        assertThatThrownBy(() -> new ReadoutLimits(1, 1, 1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("whenHorizon must be positive");
        assertThatThrownBy(() -> new ReadoutLimits(1, 1, 1, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadoutLimits(1, 1, 1, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(ReadoutLimits.DEFAULT).isEqualTo(new ReadoutLimits(16, 16, 128, 256, Duration.ofHours(24)));
    }
}
