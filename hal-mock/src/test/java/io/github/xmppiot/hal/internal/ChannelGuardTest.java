package io.github.xmppiot.hal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.HalException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard around every channel a HAL context hands out: identity, closing once, and use after close. */
class ChannelGuardTest {

    /** A digital output that records what happens to it. */
    private static final class Recording implements DigitalOutput {
        final List<Object> calls = new ArrayList<>();

        @Override
        public int pin() {
            return 5;
        }

        @Override
        public void write(DigitalLevel level) throws HalException {
            if (level == null) {
                throw new HalException(HalException.Kind.IO_ERROR, "no level");
            }
            calls.add(level);
        }

        @Override
        public DigitalLevel level() {
            return DigitalLevel.LOW;
        }

        @Override
        public String id() {
            return "raw";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private final Recording raw = new Recording();
    private final AtomicBoolean contextOpen = new AtomicBoolean(true);
    private final AtomicInteger released = new AtomicInteger();
    private final DigitalOutput guarded =
            ChannelGuard.guard(DigitalOutput.class, "gpio:5", raw, contextOpen::get, released::incrementAndGet);

    @Test
    void aGuardedChannelPassesCallsAndFailuresThrough() throws HalException {
        assertThat(guarded.id()).isEqualTo("gpio:5");
        assertThat(guarded.pin()).isEqualTo(5);
        guarded.write(DigitalLevel.HIGH);
        assertThat(raw.calls).containsExactly(DigitalLevel.HIGH);
        assertThatThrownBy(() -> guarded.write(null))
                .isInstanceOf(HalException.class)
                .hasMessage("no level");
        assertThat(guarded.isOpen()).isTrue();
        assertThat(guarded.toString()).isEqualTo("HalChannel[gpio:5]");
    }

    @Test
    void aGuardIsEqualOnlyToItself() {
        DigitalOutput other =
                ChannelGuard.guard(DigitalOutput.class, "gpio:5", raw, contextOpen::get, released::incrementAndGet);
        assertThat(guarded.equals(guarded)).isTrue();
        assertThat(guarded.equals(other)).isFalse();
        assertThat(guarded.hashCode()).isEqualTo(System.identityHashCode(guarded));
    }

    @Test
    void closingClosesTheChannelAndReleasesItOnce() {
        guarded.close();
        guarded.close();
        assertThat(raw.calls).containsExactly("close");
        assertThat(released).hasValue(1);
        assertThat(guarded.isOpen()).isFalse();
        assertThat(guarded.toString()).isEqualTo("HalChannel[gpio:5, closed]");
        assertThat(guarded.id()).isEqualTo("gpio:5");
        assertThatThrownBy(() -> guarded.write(DigitalLevel.LOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("channel gpio:5 is closed");
        assertThat(raw.calls).containsExactly("close");
    }

    @Test
    void aChannelOfAClosedContextCannotBeUsed() {
        contextOpen.set(false);
        assertThat(guarded.isOpen()).isFalse();
        assertThatThrownBy(() -> guarded.write(DigitalLevel.LOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the HAL context of channel gpio:5 is not open");
        assertThat(raw.calls).isEmpty();
    }
}
