package io.github.xmppiot.hal.mock;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A simulated ADC channel: a fixed value, optionally preceded by a script of successive samples.
 *
 * @since 0.1.0
 */
public final class MockAnalogInput {

    private final int channel;
    private final MockFaults faults;
    private final Deque<Integer> script = new ArrayDeque<>();
    private int value;

    MockAnalogInput(int channel) {
        this.channel = channel;
        this.faults = new MockFaults("analog " + channel);
    }

    /**
     * The channel number.
     *
     * @return the channel
     */
    public int channel() {
        return channel;
    }

    /**
     * Sets the value returned once the script is exhausted.
     *
     * @param newValue the raw sample
     * @return this input
     */
    public synchronized MockAnalogInput set(int newValue) {
        this.value = newValue;
        return this;
    }

    /**
     * Queues samples returned by the next reads, one per read, before the fixed value.
     *
     * @param samples the raw samples
     * @return this input
     */
    public synchronized MockAnalogInput script(int... samples) {
        for (int s : samples) {
            script.add(s);
        }
        return this;
    }

    /**
     * Injected failures of reads.
     *
     * @return the fault injector
     */
    public MockFaults faults() {
        return faults;
    }

    int sample() throws io.github.xmppiot.hal.HalException {
        faults.check("read");
        synchronized (this) {
            Integer next = script.poll();
            return next != null ? next : value;
        }
    }
}
