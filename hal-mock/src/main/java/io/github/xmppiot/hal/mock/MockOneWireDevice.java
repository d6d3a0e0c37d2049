package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated 1-Wire slave with sysfs-like attribute files (for a DS18B20 the kernel's {@code w1_slave}). A file
 * returns its {@linkplain #script(String, String...) scripted} contents one per read, then its fixed content.
 *
 * @since 0.1.0
 */
public final class MockOneWireDevice {

    private final OneWireId id;
    private final MockFaults faults;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, Deque<byte[]>> scripts = new HashMap<>();
    private final Map<String, History<String>> writes = new HashMap<>();
    private boolean connected = true;

    MockOneWireDevice(OneWireId id) {
        this.id = id;
        this.faults = new MockFaults("1-Wire " + id);
    }

    /**
     * The slave identity.
     *
     * @return the id
     */
    public OneWireId id() {
        return id;
    }

    /**
     * Sets the fixed content of a file.
     *
     * @param name    the file name, for example {@code w1_slave}
     * @param content the content (UTF-8)
     * @return this device
     */
    public synchronized MockOneWireDevice file(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Queues contents returned by successive reads of a file, before its fixed content.
     *
     * @param name     the file name
     * @param contents the contents (UTF-8), one per read
     * @return this device
     */
    public synchronized MockOneWireDevice script(String name, String... contents) {
        Deque<byte[]> queue = scripts.computeIfAbsent(name, n -> new ArrayDeque<>());
        for (String c : contents) {
            queue.add(c.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /**
     * What was written to a file, one entry per write (UTF-8): the most recent {@value MockHal#HISTORY_LIMIT}.
     *
     * @param name the file name
     * @return a copy of the writes
     */
    public synchronized List<String> writes(String name) {
        History<String> h = writes.get(name);
        return h == null ? List.of() : h.list();
    }

    /**
     * Simulates an unplugged slave: it disappears from enumeration and its files cannot be read.
     *
     * @return this device
     */
    public synchronized MockOneWireDevice disconnect() {
        connected = false;
        return this;
    }

    /**
     * Plugs the slave back in.
     *
     * @return this device
     */
    public synchronized MockOneWireDevice connect() {
        connected = true;
        return this;
    }

    /**
     * Whether the slave is connected.
     *
     * @return {@code true} unless {@linkplain #disconnect() disconnected}
     */
    public synchronized boolean connected() {
        return connected;
    }

    /**
     * Injected failures of file reads and writes.
     *
     * @return the fault injector
     */
    public MockFaults faults() {
        return faults;
    }

    synchronized byte[] read(String name) throws HalException {
        checkPresent("read " + name);
        Deque<byte[]> queue = scripts.get(name);
        byte[] content = queue != null && !queue.isEmpty() ? queue.poll() : files.get(name);
        if (content == null) {
            throw new HalException(HalException.Kind.IO_ERROR, "no file " + name + " for 1-Wire slave " + id);
        }
        return content.clone();
    }

    synchronized void write(String name, byte[] data) throws HalException {
        checkPresent("write " + name);
        writes.computeIfAbsent(name, n -> new History<>()).add(new String(data, StandardCharsets.UTF_8));
    }

    private void checkPresent(String operation) throws HalException {
        faults.check(operation);
        if (!connected) {
            throw new HalException(HalException.Kind.DEVICE_NOT_FOUND, "1-Wire slave " + id + " is not present");
        }
    }
}
