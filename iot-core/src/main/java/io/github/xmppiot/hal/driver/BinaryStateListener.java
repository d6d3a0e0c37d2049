package io.github.xmppiot.hal.driver;

/**
 * Receives the new state of a binary sensor ({@link BinarySensor}) after debouncing.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BinaryStateListener {

    /**
     * Called once per state change.
     *
     * @param active the new state: pressed, or motion detected
     */
    void onChange(boolean active);
}
