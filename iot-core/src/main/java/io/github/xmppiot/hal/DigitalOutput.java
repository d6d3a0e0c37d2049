package io.github.xmppiot.hal;

/**
 * A digital output pin.
 *
 * @since 0.1.0
 */
public interface DigitalOutput extends HalChannel {

    /**
     * The pin number.
     *
     * @return the pin (BCM numbering on a Raspberry Pi)
     */
    int pin();

    /**
     * Drives the pin.
     *
     * @param level the level to drive
     * @throws HalException if the backend cannot drive the pin
     */
    void write(DigitalLevel level) throws HalException;

    /**
     * The level last driven (the configured initial level before the first {@link #write(DigitalLevel)}).
     *
     * @return the level
     */
    DigitalLevel level();
}
