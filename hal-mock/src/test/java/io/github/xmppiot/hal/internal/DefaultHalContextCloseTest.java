package io.github.xmppiot.hal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.hal.DigitalInput;
import io.github.xmppiot.hal.DigitalInputConfig;
import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.DigitalOutputConfig;
import io.github.xmppiot.hal.HalBackend;
import io.github.xmppiot.hal.HalConfig;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.HalProvider;
import io.github.xmppiot.hal.mock.MockClock;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.Test;

/** Closing a context: its channels in reverse order, then the backend, even when a channel fails to close. */
class DefaultHalContextCloseTest {

    /** What the backend and its channels did, in order. */
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Pins whose channel throws when closed; pins whose input cannot be read. */
    private final Set<Integer> failingClose = new CopyOnWriteArraySet<>();

    private final Set<Integer> unreadable = new CopyOnWriteArraySet<>();

    private final HalConfig config =
            HalConfig.builder().backend("recording").clock(new MockClock()).build();

    private <T> T channel(Class<T> type, int pin) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            switch (m.getName()) {
                case "close":
                    log.add("close " + pin);
                    if (failingClose.contains(pin)) {
                        throw new IllegalStateException("stuck " + pin);
                    }
                    return null;
                case "read":
                    if (unreadable.contains(pin)) {
                        throw new HalException(HalException.Kind.IO_ERROR, "cannot read " + pin);
                    }
                    return DigitalLevel.LOW;
                case "onEdge":
                    return (io.github.xmppiot.hal.Cancellable) () -> {};
                case "pin":
                    return pin;
                case "isOpen":
                    return true;
                case "id":
                    return "raw" + pin;
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        }));
    }

    private final HalBackend backend = (HalBackend) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HalBackend.class}, (p, m, a) -> {
                switch (m.getName()) {
                    case "openDigitalOutput":
                        return channel(DigitalOutput.class, ((DigitalOutputConfig) a[0]).pin());
                    case "openDigitalInput":
                        return channel(DigitalInput.class, ((DigitalInputConfig) a[0]).pin());
                    case "close":
                        log.add("backend closed");
                        return null;
                    case "unwrap":
                        return java.util.Optional.empty();
                    default:
                        throw new UnsupportedOperationException(m.getName());
                }
            });

    private final HalProvider provider = new HalProvider() {
        @Override
        public String id() {
            return "recording";
        }

        @Override
        public HalBackend open(HalConfig c) {
            log.add("backend opened");
            return backend;
        }
    };

    @Test
    void channelsCloseInReverseOrderThenTheBackend() throws HalException {
        DefaultHalContext hal = new DefaultHalContext(provider, config);
        assertThat(hal.config()).isSameAs(config);
        assertThat(hal.toString()).isEqualTo("HalContext[recording, CREATED]");
        hal.open();
        assertThat(hal.toString()).isEqualTo("HalContext[recording, OPEN]");
        assertThat(hal.unwrap(HalContext.class)).containsSame(hal);
        hal.digitalOutput(DigitalOutputConfig.of(1));
        hal.digitalOutput(DigitalOutputConfig.of(2));
        DigitalOutput third = hal.digitalOutput(DigitalOutputConfig.of(3));
        third.close();
        hal.digitalOutput(DigitalOutputConfig.of(4));
        hal.close();
        assertThat(log).containsExactly("backend opened", "close 3", "close 4", "close 2", "close 1", "backend closed");
        assertThat(hal.state()).isEqualTo(HalContext.State.CLOSED);
        hal.close();
        assertThat(log)
                .endsWith("backend closed")
                .filteredOn("backend closed"::equals)
                .hasSize(1);
    }

    @Test
    void aChannelThatFailsToCloseStillClosesTheContextAndTheBackend() throws HalException {
        DefaultHalContext hal = new DefaultHalContext(provider, config);
        hal.open();
        DigitalOutput first = hal.digitalOutput(DigitalOutputConfig.of(1));
        hal.digitalOutput(DigitalOutputConfig.of(2));
        failingClose.add(2);
        assertThatThrownBy(hal::close).hasMessage("stuck 2");
        assertThat(log).endsWith("close 2", "backend closed");
        assertThat(hal.state()).isEqualTo(HalContext.State.CLOSED);
        // the first channel was never closed by the loop, but its context is closed: it can no longer be used
        assertThat(first.isOpen()).isFalse();
        assertThatThrownBy(() -> first.write(DigitalLevel.HIGH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the HAL context of channel gpio:1 is not open");
    }

    @Test
    void aContextClosedBeforeItWasOpenedNeverOpensTheBackend() {
        DefaultHalContext hal = new DefaultHalContext(provider, config);
        hal.close();
        assertThat(hal.state()).isEqualTo(HalContext.State.CLOSED);
        assertThat(log).isEmpty();
        assertThat(hal.unwrap(HalBackend.class)).isEmpty();
        assertThatThrownBy(hal::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInputThatCannotBeReadWhenOpenedIsClosedAndItsPinFreed() throws HalException {
        DefaultHalContext hal = new DefaultHalContext(provider, config);
        hal.open();
        unreadable.add(7);
        assertThatThrownBy(() -> hal.digitalInput(DigitalInputConfig.of(7)))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("cannot read 7");
        assertThat(log).containsExactly("backend opened", "close 7");
        unreadable.clear();
        assertThat(hal.digitalInput(DigitalInputConfig.of(7)).id()).isEqualTo("gpio:7");
        hal.close();
    }
}
