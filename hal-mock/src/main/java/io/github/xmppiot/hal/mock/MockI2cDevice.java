package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A simulated I2C chip at one bus and address: a {@link MockRegisters register map} for register-based chips, a
 * queue of raw read bytes for command-based chips, a log of the most recent writes (at most {@value MockHal#HISTORY_LIMIT}), and fault injection. A chip that is
 * {@linkplain #disconnect() disconnected} (or was never created) does not acknowledge: every transfer fails with
 * {@link HalException.Kind#DEVICE_NOT_FOUND}.
 *
 * @since 0.1.0
 */
public final class MockI2cDevice {

    /**
     * One write transfer received by the chip.
     *
     * @param register the first register written, or {@code -1} for a raw write without register address
     * @param data     the unsigned bytes written
     */
    public record Write(int register, List<Integer> data) {

        /**
         * Copies the data.
         */
        public Write {
            data = List.copyOf(data);
        }

        /**
         * Whether this was a raw write without register address.
         *
         * @return {@code true} for a raw write
         */
        public boolean raw() {
            return register < 0;
        }
    }

    private final int bus;
    private final int address;
    private final MockRegisters registers = new MockRegisters();
    private final Deque<Integer> rawReads = new ArrayDeque<>();
    private final History<Write> writes = new History<>();
    private final MockFaults faults;
    private boolean connected = true;

    MockI2cDevice(int bus, int address) {
        this.bus = bus;
        this.address = address;
        this.faults = new MockFaults(String.format("i2c bus %d address 0x%02x", bus, address));
    }

    /**
     * The bus number.
     *
     * @return the bus
     */
    public int bus() {
        return bus;
    }

    /**
     * The 7-bit address.
     *
     * @return the address
     */
    public int address() {
        return address;
    }

    /**
     * The register map.
     *
     * @return the registers
     */
    public MockRegisters registers() {
        return registers;
    }

    /**
     * Queues bytes returned by raw reads (reads without register address), in order.
     *
     * @param bytes unsigned byte values
     * @return this device
     */
    public synchronized MockI2cDevice queueRawRead(int... bytes) {
        for (int b : bytes) {
            rawReads.add(b & 0xFF);
        }
        return this;
    }

    /**
     * The writes received, in order: the most recent {@value MockHal#HISTORY_LIMIT} (older ones are dropped).
     *
     * @return a copy of the write log
     */
    public synchronized List<Write> writes() {
        return writes.list();
    }

    /**
     * The bytes that landed on one register, in order, taking auto-increment of block writes into account; from
     * the most recent {@value MockHal#HISTORY_LIMIT} writes.
     *
     * @param register the register
     * @return the values written to it
     */
    public synchronized List<Integer> writesTo(int register) {
        List<Integer> values = new ArrayList<>();
        for (Write w : writes) {
            for (int i = 0; !w.raw() && i < w.data().size(); i++) {
                if (((w.register() + i) & 0xFF) == register) {
                    values.add(w.data().get(i));
                }
            }
        }
        return values;
    }

    /**
     * The bytes of the raw writes among the most recent {@value MockHal#HISTORY_LIMIT} writes, concatenated in order.
     *
     * @return the raw bytes written
     */
    public synchronized List<Integer> rawWrites() {
        List<Integer> values = new ArrayList<>();
        for (Write w : writes) {
            if (w.raw()) {
                values.addAll(w.data());
            }
        }
        return values;
    }

    /**
     * Simulates a disconnected or dead chip: no transfer is acknowledged until {@link #connect()}.
     *
     * @return this device
     */
    public synchronized MockI2cDevice disconnect() {
        connected = false;
        return this;
    }

    /**
     * Reconnects the chip.
     *
     * @return this device
     */
    public synchronized MockI2cDevice connect() {
        connected = true;
        return this;
    }

    /**
     * Injected failures of transfers.
     *
     * @return the fault injector
     */
    public MockFaults faults() {
        return faults;
    }

    private void checkPresent(String operation) throws HalException {
        faults.check(operation);
        synchronized (this) {
            if (!connected) {
                throw notFound(bus, address);
            }
        }
    }

    static HalException notFound(int bus, int address) {
        return new HalException(
                HalException.Kind.DEVICE_NOT_FOUND,
                String.format("no ACK from I2C address 0x%02x on bus %d", address, bus));
    }

    synchronized byte[] readRegisters(int start, int length) throws HalException {
        checkPresent("register read");
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) registers.read((start + i) & 0xFF);
        }
        return out;
    }

    synchronized void writeRegisters(int start, byte[] data) throws HalException {
        checkPresent("register write");
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            registers.write((start + i) & 0xFF, data[i]);
            values.add(data[i] & 0xFF);
        }
        writes.add(new Write(start, values));
    }

    synchronized byte[] readRaw(int length) throws HalException {
        checkPresent("raw read");
        if (rawReads.size() < length) {
            throw new HalException(
                    HalException.Kind.IO_ERROR,
                    String.format("short read from I2C 0x%02x: %d of %d bytes", address, rawReads.size(), length));
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (int) rawReads.poll();
        }
        return out;
    }

    synchronized void writeRaw(byte[] data) throws HalException {
        checkPresent("raw write");
        List<Integer> values = new ArrayList<>();
        for (byte b : data) {
            values.add(b & 0xFF);
        }
        writes.add(new Write(-1, values));
    }
}
