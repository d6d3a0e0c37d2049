package io.github.xmppiot.hal;

/**
 * A digital input pin. With a debounce period configured, {@link #read()} returns the debounced level and listeners
 * see only changes that stayed stable for the whole period; debouncing is done by the {@link HalContext} with its
 * {@link HalClock}, identically for every backend.
 *
 * @since 0.1.0
 */
public interface DigitalInput extends HalChannel {

    /**
     * The pin number.
     *
     * @return the pin (BCM numbering on a Raspberry Pi)
     */
    int pin();

    /**
     * Reads the current (debounced) level.
     *
     * @return the level
     * @throws HalException if the backend cannot read the pin
     */
    DigitalLevel read() throws HalException;

    /**
     * Registers a listener for level changes.
     *
     * @param listener the listener
     * @return a handle that removes the listener
     */
    Cancellable onEdge(EdgeListener listener);
}
