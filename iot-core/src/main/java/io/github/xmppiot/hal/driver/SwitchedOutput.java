package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.DigitalOutput;
import io.github.xmppiot.hal.HalException;

/**
 * An on/off device on a digital output, active high or active low: the shared part of {@link Relay} and {@link Led}.
 *
 * @since 0.1.0
 */
public abstract class SwitchedOutput implements AutoCloseable {

    private final DigitalOutput output;
    private final DigitalLevel onLevel;

    SwitchedOutput(DigitalOutput output, boolean activeLow) {
        this.output = output;
        this.onLevel = activeLow ? DigitalLevel.LOW : DigitalLevel.HIGH;
    }

    /**
     * Switches on or off.
     *
     * @param on the new state
     * @throws HalException if the pin cannot be driven
     */
    public void set(boolean on) throws HalException {
        output.write(on ? onLevel : onLevel.inverse());
    }

    /**
     * Switches on.
     *
     * @throws HalException if the pin cannot be driven
     */
    public void on() throws HalException {
        set(true);
    }

    /**
     * Switches off.
     *
     * @throws HalException if the pin cannot be driven
     */
    public void off() throws HalException {
        set(false);
    }

    /**
     * The state last set.
     *
     * @return {@code true} if on
     */
    public boolean isOn() {
        return output.level() == onLevel;
    }

    /** Closes the output pin; the pin keeps its level. */
    @Override
    public void close() {
        output.close();
    }
}
