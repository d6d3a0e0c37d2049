package io.github.xmppiot.hal.testing;

import io.github.xmppiot.hal.DigitalLevel;
import io.github.xmppiot.hal.HalContext;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireId;
import io.github.xmppiot.hal.mock.MockClock;
import io.github.xmppiot.hal.mock.MockHal;
import io.github.xmppiot.hal.mock.MockPin;
import java.io.UncheckedIOException;
import java.util.List;

/** {@link HalFixture} on the iot-core mock backend. */
public final class MockHalFixture implements HalFixture {

    private final MockHal mock = MockHal.create();
    private final HalContext hal;

    public MockHalFixture() {
        try {
            hal = mock.open();
        } catch (HalException e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }

    /** The simulated board, for mock-only assertions. */
    public MockHal mock() {
        return mock;
    }

    @Override
    public HalContext hal() {
        return hal;
    }

    @Override
    public MockClock clock() {
        return mock.clock();
    }

    @Override
    public void i2cRegisters(int bus, int address, int register, int... bytes) {
        mock.i2cDevice(bus, address).registers().put(register, bytes);
    }

    @Override
    public void i2cRegisterSequence(int bus, int address, int register, int... values) {
        mock.i2cDevice(bus, address).registers().script(register, values);
    }

    @Override
    public void i2cRawRead(int bus, int address, int... bytes) {
        mock.i2cDevice(bus, address).queueRawRead(bytes);
    }

    @Override
    public List<Integer> i2cRegisterWrites(int bus, int address, int register) {
        return mock.findI2cDevice(bus, address).map(d -> d.writesTo(register)).orElse(List.of());
    }

    @Override
    public List<Integer> i2cRawWrites(int bus, int address) {
        return mock.findI2cDevice(bus, address).map(d -> d.rawWrites()).orElse(List.of());
    }

    @Override
    public void drive(int pin, DigitalLevel level) {
        mock.pin(pin).drive(level);
    }

    @Override
    public DigitalLevel outputLevel(int pin) {
        return mock.pin(pin).level();
    }

    @Override
    public double pwmDutyCycle(int pin) {
        return mock.pin(pin).pwm().map(MockPin.PwmSetting::dutyCyclePercent).orElseThrow();
    }

    @Override
    public int pwmFrequency(int pin) {
        return mock.pin(pin).pwm().map(MockPin.PwmSetting::frequencyHz).orElseThrow();
    }

    @Override
    public void oneWireSlave(OneWireId id, String w1Slave) {
        mock.oneWire().device(id).file("w1_slave", w1Slave);
    }

    @Override
    public void close() {
        hal.close();
    }
}
