package io.github.xmppiot.hal;

import java.util.Optional;

/**
 * Entry point to the hardware: opens channels on one backend and owns them.
 *
 * <p><b>Lifecycle.</b> A context is {@link State#CREATED} by {@link Hal#create(HalConfig)}, becomes
 * {@link State#OPEN} through {@link #open()} (or directly by {@link Hal#open(HalConfig)}), and {@link State#CLOSED}
 * through {@link #close()}, which first closes every channel still open. Opening a channel while the context is not
 * open, opening a context twice, opening a resource (pin, I2C address, SPI device, 1-Wire bus) that is already open,
 * or using a channel after it or its context was closed throws {@link IllegalStateException}: these are programming
 * errors, not hardware failures. {@link #close()} is idempotent.
 *
 * <p><b>Blocking and failures.</b> All channel operations are synchronous: a read returns the value or throws the
 * checked {@link HalException}, and may block for the duration of the bus transaction (microseconds for GPIO,
 * milliseconds for I2C, up to a second for a 1-Wire conversion). There are no asynchronous variants in the HAL;
 * callers that must not block (for example XMPP request handlers) run reads on their own executor. Edge listeners of
 * {@link DigitalInput} and timers run on the {@linkplain #clock() clock}'s thread.
 *
 * <p>Contexts are thread-safe; individual channels may be used from several threads, but a multi-step device
 * protocol (as in the drivers) must be serialised by its caller.
 *
 * @since 0.1.0
 */
public interface HalContext extends AutoCloseable {

    /** Lifecycle state of a context. */
    enum State {
        /** Created, backend not started yet. */
        CREATED,
        /** Backend started; channels can be opened. */
        OPEN,
        /** Closed; nothing can be used any more. */
        CLOSED
    }

    /**
     * The id of the backend in use.
     *
     * @return the backend id, for example {@code mock} or {@code pi4j}
     */
    String backendId();

    /**
     * The current lifecycle state.
     *
     * @return the state
     */
    State state();

    /**
     * The configuration this context was created with.
     *
     * @return the configuration
     */
    HalConfig config();

    /**
     * The clock used for debouncing and for driver waits.
     *
     * @return the clock
     */
    HalClock clock();

    /**
     * Starts the backend.
     *
     * @return this context
     * @throws HalException          if the backend cannot be started; the context stays {@link State#CREATED}
     * @throws IllegalStateException if the context is not {@link State#CREATED}
     */
    HalContext open() throws HalException;

    /**
     * Opens a digital input.
     *
     * @param config the configuration
     * @return the input
     * @throws HalException          if the backend cannot configure the pin
     * @throws IllegalStateException if the context is not open or the pin is already open
     */
    DigitalInput digitalInput(DigitalInputConfig config) throws HalException;

    /**
     * Opens a digital output.
     *
     * @param config the configuration
     * @return the output
     * @throws HalException          if the backend cannot configure the pin
     * @throws IllegalStateException if the context is not open or the pin is already open
     */
    DigitalOutput digitalOutput(DigitalOutputConfig config) throws HalException;

    /**
     * Opens a PWM output.
     *
     * @param config the configuration
     * @return the output
     * @throws HalException          if the backend cannot configure the pin
     * @throws IllegalStateException if the context is not open or the pin is already open
     */
    PwmOutput pwm(PwmConfig config) throws HalException;

    /**
     * Opens an analog input.
     *
     * @param channel the converter channel, 0 or more
     * @return the input
     * @throws HalException          if the backend cannot open the channel
     * @throws IllegalStateException if the context is not open or the channel is already open
     */
    AnalogInput analogInput(int channel) throws HalException;

    /**
     * Opens an I2C device.
     *
     * @param bus     the bus number, 0 or more
     * @param address the 7-bit address, 0x03 to 0x77
     * @return the device
     * @throws HalException          if the backend cannot open the bus
     * @throws IllegalStateException if the context is not open or the device is already open
     */
    I2cDevice i2c(int bus, int address) throws HalException;

    /**
     * Opens an SPI device.
     *
     * @param config the configuration
     * @return the device
     * @throws HalException          if the backend cannot open the bus
     * @throws IllegalStateException if the context is not open or the device is already open
     */
    SpiDevice spi(SpiConfig config) throws HalException;

    /**
     * Opens the 1-Wire bus.
     *
     * @return the bus
     * @throws HalException          if the backend has no 1-Wire support
     * @throws IllegalStateException if the context is not open or the bus is already open
     */
    OneWireBus oneWire() throws HalException;

    /**
     * Gives access to backend-specific objects (for example {@code com.pi4j.context.Context} on the Pi4J backend,
     * {@code io.github.xmppiot.hal.mock.MockHal} (hal-mock) on the mock backend).
     *
     * @param <T>  the requested type
     * @param type the requested type
     * @return the object, or empty if unavailable (always empty before {@link #open()})
     */
    <T> Optional<T> unwrap(Class<T> type);

    /** Closes every open channel, stops the backend and moves to {@link State#CLOSED}. */
    @Override
    void close();
}
