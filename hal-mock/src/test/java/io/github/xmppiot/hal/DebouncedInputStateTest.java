package io.github.xmppiot.hal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a debounced input reads between edges, its identity, and what closing it while an edge settles leaves. */
class DebouncedInputStateTest extends DebounceFixture {

    DebouncedInputStateTest() {
        super(23);
    }

    @Test
    void withoutDebounceReadFollowsThePinAtOnce() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(23).withDebounce(Duration.ZERO));
        assertThat(in.pin()).isEqualTo(23);
        assertThat(in.id()).isEqualTo("gpio:23");
        pin.drive(DigitalLevel.HIGH);
        assertThat(in.read()).isEqualTo(DigitalLevel.HIGH);
        pin.drive(DigitalLevel.LOW);
        assertThat(in.read()).isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void withDebounceReadKeepsTheStableLevelUntilTheChangeSettles() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(23).withDebounce(Duration.ofMillis(10)));
        in.onEdge(events::add);
        DigitalLevel before = in.read();
        DigitalLevel other = before == DigitalLevel.HIGH ? DigitalLevel.LOW : DigitalLevel.HIGH;
        pin.drive(other);
        mock.clock().advanceMillis(9);
        assertThat(in.read()).isEqualTo(before);
        assertThat(events).isEmpty();
        mock.clock().advanceMillis(1);
        assertThat(in.read()).isEqualTo(other);
        assertThat(events).extracting(EdgeEvent::level).containsExactly(other);
        assertThat(mock.clock().pendingTasks()).isZero();
    }

    @Test
    void closingWhileAnEdgeSettlesCancelsItsTimerAndFreesThePin() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(23).withDebounce(Duration.ofMillis(10)));
        in.onEdge(events::add);
        assertThat(in.isOpen()).isTrue();
        pin.drive(in.read() == DigitalLevel.HIGH ? DigitalLevel.LOW : DigitalLevel.HIGH);
        assertThat(mock.clock().pendingTasks()).isEqualTo(1);
        in.close();
        assertThat(in.isOpen()).isFalse();
        assertThat(mock.clock().pendingTasks()).isZero();
        mock.clock().advanceMillis(20);
        assertThat(events).isEmpty();
        DigitalInput again = hal.digitalInput(DigitalInputConfig.of(23).withDebounce(Duration.ZERO));
        again.onEdge(events::add);
        pin.drive(DigitalLevel.HIGH).drive(DigitalLevel.LOW);
        assertThat(events).extracting(EdgeEvent::level).endsWith(DigitalLevel.LOW);
    }
}
