package io.github.xmppiot.hal;

import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.hal.mock.MockPin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The setup the debounce tests share: a mock board driven by its {@code MockClock}, one of its pins, the edges reported
 * to a listener, and a HAL context opened before each test and closed after it.
 */
abstract class DebounceFixture {

    /** The simulated board; its clock runs the debounce timers. */
    final MockHal mock = MockHal.create();

    /** The pin the test drives. */
    final MockPin pin;

    /** What an {@code onEdge(events::add)} listener was told, in order. */
    final List<EdgeEvent> events = new CopyOnWriteArrayList<>();

    /** The context on {@link #mock}, open during each test. */
    HalContext hal;

    /** @param pinNumber the BCM number of the pin the test drives */
    DebounceFixture(int pinNumber) {
        pin = mock.pin(pinNumber);
    }

    @BeforeEach
    final void open() throws HalException {
        hal = mock.open();
    }

    @AfterEach
    final void close() {
        hal.close();
    }
}
