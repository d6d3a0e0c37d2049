package io.github.xmppiot.hal;

/**
 * Receives level changes of a {@link DigitalInput}. Listeners are called on a backend or clock thread (with
 * {@code io.github.xmppiot.hal.mock.MockClock} from hal-mock, on the thread that advances the clock); they must
 * return quickly and hand longer work to an executor.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EdgeListener {

    /**
     * Called once per debounced level change.
     *
     * @param event the change
     */
    void onEdge(EdgeEvent event);
}
