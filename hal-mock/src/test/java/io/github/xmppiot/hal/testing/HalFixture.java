package io.github.xmppiot.hal.testing;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.mock.MockClock;
import java.util.List;

/**
 * A backend under test plus the means to play the hardware's part, in terms every backend can honour. The driver
 * contracts ({@code io.github.xmppiot.hal.driver.*Contract}) run against this interface, once on the mock backend
 * and once on the Pi4J backend over Pi4J's mock platform, so the two cannot drift.
 *
 * <p>The I2C methods are phrased the way Pi4J's {@code MockI2C} works (one FIFO per register address, one raw FIFO):
 * "the next block read that starts at register r returns these bytes". They must be called after the driver opened
 * its channel, because Pi4J creates its mock device together with the channel.
 */
public interface HalFixture extends AutoCloseable {

    /** The open context on the backend under test; its clock is {@link #clock()}. */
    HalContext hal();

    /** The clock of {@link #hal()}. */
    MockClock clock();

    /** The next read (single or block) that starts at {@code register} returns {@code bytes}. */
    void i2cRegisters(int bus, int address, int register, int... bytes);

    /** Successive single-byte reads of {@code register} return {@code values}, one each. */
    void i2cRegisterSequence(int bus, int address, int register, int... values);

    /** The next raw reads (without register address) return {@code bytes}. */
    void i2cRawRead(int bus, int address, int... bytes);

    /** Bytes the driver wrote to {@code register}, in order (only for registers the test did not prime). */
    List<Integer> i2cRegisterWrites(int bus, int address, int register);

    /** Bytes the driver wrote without register address, in order. */
    List<Integer> i2cRawWrites(int bus, int address);

    /** Drives an input pin from the outside (after the driver opened it). */
    void drive(int pin, DigitalLevel level);

    /** The level an output channel drives on the pin. */
    DigitalLevel outputLevel(int pin);

    /** The effective PWM duty cycle in percent (0 when off). */
    double pwmDutyCycle(int pin);

    /** The PWM frequency in hertz. */
    int pwmFrequency(int pin);

    /** Attaches a 1-Wire slave whose {@code w1_slave} file has the given content. */
    void oneWireSlave(OneWireId id, String w1Slave);

    /** Closes the context and releases the fixture. */
    @Override
    void close();
}
