package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A simulated SPI device. Each transfer returns the next {@linkplain #queueResponse(byte[]) queued response}, or
 * otherwise what the {@linkplain #responder(UnaryOperator) responder} computes from the bytes sent (by default all
 * zeros). Responses are truncated or zero-padded to the length sent, as a real full-duplex transfer would be.
 *
 * @since 0.1.0
 */
public final class MockSpiDevice {

    private final int bus;
    private final int chipSelect;
    private final MockFaults faults;
    private final Deque<byte[]> responses = new ArrayDeque<>();
    private final History<byte[]> transfers = new History<>();
    private UnaryOperator<byte[]> responder = sent -> new byte[sent.length];

    MockSpiDevice(int bus, int chipSelect) {
        this.bus = bus;
        this.chipSelect = chipSelect;
        this.faults = new MockFaults("spi " + bus + "." + chipSelect);
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
     * The chip-select line.
     *
     * @return the chip select
     */
    public int chipSelect() {
        return chipSelect;
    }

    /**
     * Queues the response to one transfer.
     *
     * @param response the bytes the device clocks out
     * @return this device
     */
    public synchronized MockSpiDevice queueResponse(byte[] response) {
        responses.add(response.clone());
        return this;
    }

    /**
     * Sets the function computing responses when no queued response is left.
     *
     * @param function maps the bytes sent to the bytes received
     * @return this device
     */
    public synchronized MockSpiDevice responder(UnaryOperator<byte[]> function) {
        this.responder = Objects.requireNonNull(function, "function");
        return this;
    }

    /**
     * The bytes sent by the most recent {@value MockHal#HISTORY_LIMIT} transfers, in order.
     *
     * @return copies of the transfers
     */
    public synchronized List<byte[]> transfers() {
        List<byte[]> copy = new ArrayList<>();
        transfers.forEach(t -> copy.add(t.clone()));
        return copy;
    }

    /**
     * Injected failures of transfers.
     *
     * @return the fault injector
     */
    public MockFaults faults() {
        return faults;
    }

    synchronized byte[] transfer(byte[] sent) throws HalException {
        faults.check("transfer");
        transfers.add(sent.clone());
        byte[] response = responses.isEmpty() ? responder.apply(sent.clone()) : responses.poll();
        byte[] out = new byte[sent.length];
        System.arraycopy(response, 0, out, 0, Math.min(response.length, out.length));
        return out;
    }
}
