package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void itStandsStillUntilMovedAndMovesByExactlyTheDuration() {
        ManualClock clock = new ManualClock();
        assertThat(clock.instant()).isEqualTo(ManualClock.START).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(ManualClock.START.toEpochMilli());
        assertThat(clock.instant()).as("still").isEqualTo(ManualClock.START);

        assertThat(clock.advance(Duration.ofMillis(1))).isEqualTo(ManualClock.START.plusMillis(1));
        assertThat(clock.instant()).isEqualTo(ManualClock.START.plusMillis(1));
        clock.advance(Duration.ofHours(2));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T02:00:00.001Z"));
        clock.advance(Duration.ofMinutes(-30));
        assertThat(clock.instant()).as("set back").isEqualTo(Instant.parse("2026-01-01T01:30:00.001Z"));
    }

    @Test
    void itCountsEveryReadButNotTheMovesOrTheInspection() {
        ManualClock clock = new ManualClock();
        assertThat(clock.reads()).isZero();
        clock.instant();
        clock.millis();
        clock.advance(Duration.ofSeconds(1));
        clock.set(Instant.EPOCH);
        assertThat(clock.toString()).contains("1970");

        assertThat(clock.reads()).isEqualTo(2);
    }

    @Test
    void itStartsAndIsSetWhereAsked() {
        Instant start = Instant.parse("2030-05-06T07:08:09Z");
        ManualClock clock = new ManualClock(start);
        assertThat(clock.instant()).isEqualTo(start);
        clock.set(Instant.EPOCH);
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
        assertThat(clock.toString()).isEqualTo("ManualClock[1970-01-01T00:00:00Z]");
        assertThatThrownBy(() -> new ManualClock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void itIsInUtcAndOtherZonesShareItsTimeLine() {
        ManualClock clock = new ManualClock();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        var other = clock.withZone(ZoneId.of("Europe/Stockholm"));
        assertThat(other).isSameAs(clock);
        clock.advance(Duration.ofSeconds(5));
        assertThat(other.instant()).isEqualTo(ManualClock.START.plusSeconds(5));
    }
}
