package io.github.xmppiot.hal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Debouncing in the context, driven by the MockClock. */
class DebounceTest extends DebounceFixture {

    DebounceTest() {
        super(22);
    }

    @Test
    void withoutDebounceEveryRawEdgeIsReported() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(22));
        in.onEdge(events::add);

        pin.drive(DigitalLevel.HIGH).drive(DigitalLevel.LOW).drive(DigitalLevel.HIGH);

        assertThat(events)
                .extracting(EdgeEvent::level)
                .containsExactly(DigitalLevel.HIGH, DigitalLevel.LOW, DigitalLevel.HIGH);
        assertThat(in.read()).isEqualTo(DigitalLevel.HIGH);
    }

    @Test
    void aChangeIsReportedOnceItWasStableForTheWholePeriod() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(22).withDebounce(Duration.ofMillis(10)));
        in.onEdge(events::add);

        pin.drive(DigitalLevel.HIGH);
        long risingAt = mock.clock().nanoTime();
        mock.clock().advanceMillis(2);
        pin.drive(DigitalLevel.LOW);
        mock.clock().advanceMillis(2);
        pin.drive(DigitalLevel.HIGH);
        long settledAt = mock.clock().nanoTime();
        mock.clock().advanceMillis(9);
        assertThat(events).isEmpty();
        assertThat(in.read()).isEqualTo(DigitalLevel.LOW);

        mock.clock().advanceMillis(1);
        assertThat(events).containsExactly(new EdgeEvent(22, DigitalLevel.HIGH, settledAt));
        assertThat(settledAt).isGreaterThan(risingAt);
        assertThat(in.read()).isEqualTo(DigitalLevel.HIGH);
        assertThat(mock.clock().pendingTasks()).isZero();
    }

    @Test
    void aGlitchThatReturnsToTheStableLevelIsNeverReported() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(22).withDebounce(Duration.ofMillis(10)));
        in.onEdge(events::add);

        pin.drive(DigitalLevel.HIGH);
        mock.clock().advanceMillis(3);
        pin.drive(DigitalLevel.LOW);
        mock.clock().advanceMillis(50);

        assertThat(events).isEmpty();
        assertThat(in.read()).isEqualTo(DigitalLevel.LOW);
    }

    @Test
    void theInitialLevelFollowsThePullResistor() throws HalException {
        DigitalInput in = hal.digitalInput(new DigitalInputConfig(22, PullResistance.PULL_UP, Duration.ofMillis(5)));
        assertThat(in.read()).isEqualTo(DigitalLevel.HIGH);
        assertThat(pin.pull()).contains(PullResistance.PULL_UP);
    }

    @Test
    void cancelledListenersAndClosedInputsGetNothing() throws HalException {
        DigitalInput in = hal.digitalInput(DigitalInputConfig.of(22).withDebounce(Duration.ofMillis(5)));
        List<EdgeEvent> other = new CopyOnWriteArrayList<>();
        Cancellable c = in.onEdge(other::add);
        in.onEdge(events::add);
        c.cancel();

        pin.drive(DigitalLevel.HIGH);
        mock.clock().advanceMillis(5);
        assertThat(events).hasSize(1);
        assertThat(other).isEmpty();

        pin.drive(DigitalLevel.LOW);
        in.close();
        assertThat(mock.clock().pendingTasks()).isZero();
        mock.clock().advanceMillis(5);
        assertThat(events).hasSize(1);
    }
}
