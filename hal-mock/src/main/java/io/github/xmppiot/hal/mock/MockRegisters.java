package io.github.xmppiot.hal.mock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The 256 byte-wide registers of a simulated I2C chip. Block reads and writes auto-increment (wrapping after 0xFF),
 * as on real chips. A {@linkplain #script(int, int...) script} makes successive reads of one register return
 * different values (a status register that reads "busy" twice and then "ready"); once consumed, reads return the
 * stored value again.
 *
 * @since 0.1.0
 */
public final class MockRegisters {

    private final int[] memory = new int[256];
    private final Map<Integer, Deque<Integer>> scripts = new HashMap<>();

    MockRegisters() {}

    /**
     * Stores values in consecutive registers.
     *
     * @param register the first register, 0 to 255
     * @param values   unsigned byte values, 0 to 255
     * @return this register map
     */
    public synchronized MockRegisters put(int register, int... values) {
        check(register);
        for (int i = 0; i < values.length; i++) {
            memory[(register + i) & 0xFF] = checkValue(values[i]);
        }
        return this;
    }

    /**
     * Stores bytes in consecutive registers.
     *
     * @param register the first register, 0 to 255
     * @param values   the bytes
     * @return this register map
     */
    public synchronized MockRegisters put(int register, byte[] values) {
        check(register);
        for (int i = 0; i < values.length; i++) {
            memory[(register + i) & 0xFF] = values[i] & 0xFF;
        }
        return this;
    }

    /**
     * The stored value of a register (what the chip holds, ignoring scripts).
     *
     * @param register the register, 0 to 255
     * @return the unsigned value
     */
    public synchronized int get(int register) {
        return memory[check(register)];
    }

    /**
     * Queues values returned by successive reads of one register, before its stored value.
     *
     * @param register the register, 0 to 255
     * @param values   unsigned byte values, 0 to 255
     * @return this register map
     */
    public synchronized MockRegisters script(int register, int... values) {
        Deque<Integer> queue = scripts.computeIfAbsent(check(register), r -> new ArrayDeque<>());
        for (int v : values) {
            queue.add(checkValue(v));
        }
        return this;
    }

    synchronized int read(int register) {
        Deque<Integer> queue = scripts.get(register);
        Integer scripted = queue == null ? null : queue.poll();
        return scripted != null ? scripted : memory[register];
    }

    synchronized void write(int register, int value) {
        memory[register] = value & 0xFF;
    }

    private static int check(int register) {
        if (register < 0 || register > 0xFF) {
            throw new IllegalArgumentException("register must be within 0..255: " + register);
        }
        return register;
    }

    private static int checkValue(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("value must be within 0..255: " + value);
        }
        return value;
    }
}
