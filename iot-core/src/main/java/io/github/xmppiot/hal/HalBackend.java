package io.github.xmppiot.hal;

import java.util.Optional;

/**
 * A started backend, as returned by {@link HalProvider#open(HalConfig)}. Applications do not use this interface:
 * they use {@link HalContext}, which wraps the backend and adds, identically for every backend, the lifecycle checks,
 * the claim of each resource, closing of channels and debouncing.
 *
 * <p>Channels returned here therefore need no lifecycle checks of their own, and digital inputs deliver raw,
 * undebounced edges. Their {@link HalChannel#id()} is replaced by the context.
 *
 * @since 0.1.0
 */
public interface HalBackend extends AutoCloseable {

    /**
     * Opens a digital input; edges are reported raw, the context applies {@link DigitalInputConfig#debounce()}.
     *
     * @param config the configuration
     * @return the input
     * @throws HalException if the pin cannot be configured
     */
    DigitalInput openDigitalInput(DigitalInputConfig config) throws HalException;

    /**
     * Opens a digital output and drives its initial level.
     *
     * @param config the configuration
     * @return the output
     * @throws HalException if the pin cannot be configured
     */
    DigitalOutput openDigitalOutput(DigitalOutputConfig config) throws HalException;

    /**
     * Opens a PWM output, initially off.
     *
     * @param config the configuration
     * @return the output
     * @throws HalException if the pin cannot be configured
     */
    PwmOutput openPwm(PwmConfig config) throws HalException;

    /**
     * Opens an analog input.
     *
     * @param channel the converter channel
     * @return the input
     * @throws HalException if the channel cannot be opened
     */
    AnalogInput openAnalogInput(int channel) throws HalException;

    /**
     * Opens an I2C device.
     *
     * @param bus     the bus number
     * @param address the 7-bit address
     * @return the device
     * @throws HalException if the bus cannot be opened
     */
    I2cDevice openI2c(int bus, int address) throws HalException;

    /**
     * Opens an SPI device.
     *
     * @param config the configuration
     * @return the device
     * @throws HalException if the bus cannot be opened
     */
    SpiDevice openSpi(SpiConfig config) throws HalException;

    /**
     * Opens the 1-Wire bus.
     *
     * @return the bus
     * @throws HalException if the backend has no 1-Wire support or the bus is not available
     */
    OneWireBus openOneWire() throws HalException;

    /**
     * Gives access to backend-specific objects, for tests and advanced use (for example the Pi4J context or the mock
     * world).
     *
     * @param <T>  the requested type
     * @param type the requested type
     * @return the object, or empty if the backend has none of that type
     */
    default <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Stops the backend and releases everything it holds. Called once, after all channels were closed. */
    @Override
    void close();
}
