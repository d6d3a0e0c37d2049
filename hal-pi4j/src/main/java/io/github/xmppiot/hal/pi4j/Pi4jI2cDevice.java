package io.github.xmppiot.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.I2cDevice;

/**
 * I2C adapter. Single registers are read as one-byte block reads, which report failure by their count instead of a
 * negative value that could be confused with a sign-extended byte.
 */
final class Pi4jI2cDevice extends Pi4jChannel implements I2cDevice {

    private final I2C i2c;
    private final int bus;
    private final int address;

    Pi4jI2cDevice(Context pi4j, I2C i2c, int bus, int address) {
        super(pi4j, i2c);
        this.i2c = i2c;
        this.bus = bus;
        this.address = address;
    }

    @Override
    public int bus() {
        return bus;
    }

    @Override
    public int address() {
        return address;
    }

    private String where() {
        return String.format("I2C bus %d address 0x%02x", bus, address);
    }

    private static void checkLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1: " + length);
        }
    }

    private void checkCount(int count, int expected, String op) throws HalException {
        if (count != expected) {
            throw new HalException(
                    HalException.Kind.IO_ERROR,
                    String.format("%s on %s returned %d of %d bytes", op, where(), count, expected));
        }
    }

    @Override
    public int readRegister(int register) throws HalException {
        return readRegisters(register, 1)[0] & 0xFF;
    }

    @Override
    public void writeRegister(int register, int value) throws HalException {
        I2cDevice.checkRegister(register);
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("value must be within 0..255: " + value);
        }
        try {
            if (i2c.writeRegister(register, (byte) value) < 0) {
                throw new HalException(HalException.Kind.IO_ERROR, "register write on " + where() + " failed");
            }
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("register write on " + where(), e);
        }
    }

    @Override
    public byte[] readRegisters(int startRegister, int length) throws HalException {
        I2cDevice.checkRegister(startRegister);
        checkLength(length);
        byte[] buffer = new byte[length];
        try {
            checkCount(i2c.readRegister(startRegister, buffer, 0, length), length, "register read");
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("register read on " + where(), e);
        }
        return buffer;
    }

    @Override
    public void writeRegisters(int startRegister, byte[] data) throws HalException {
        I2cDevice.checkRegister(startRegister);
        try {
            if (i2c.writeRegister(startRegister, data, 0, data.length) < 0) {
                throw new HalException(HalException.Kind.IO_ERROR, "register write on " + where() + " failed");
            }
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("register write on " + where(), e);
        }
    }

    @Override
    public byte[] read(int length) throws HalException {
        checkLength(length);
        byte[] buffer = new byte[length];
        try {
            checkCount(i2c.read(buffer, 0, length), length, "read");
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("read on " + where(), e);
        }
        return buffer;
    }

    @Override
    public void write(byte... data) throws HalException {
        try {
            if (i2c.write(data, 0, data.length) < 0) {
                throw new HalException(HalException.Kind.IO_ERROR, "write on " + where() + " failed");
            }
        } catch (RuntimeException e) {
            throw Pi4jErrors.map("write on " + where(), e);
        }
    }
}
