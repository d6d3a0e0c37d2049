package io.github.xmppiot.hal.mock;

import io.github.xmppiot.hal.HalException;
import io.github.xmppiot.hal.OneWireId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated 1-Wire bus: the slaves attached to it, in attachment order.
 *
 * @since 0.1.0
 */
public final class MockOneWireBus {

    private final Map<OneWireId, MockOneWireDevice> devices = new LinkedHashMap<>();
    private final MockFaults faults = new MockFaults("1-Wire bus");

    MockOneWireBus() {}

    /**
     * Attaches a slave, or returns the one already attached with that id.
     *
     * @param id the slave identity
     * @return the simulated slave
     */
    public synchronized MockOneWireDevice device(OneWireId id) {
        return devices.computeIfAbsent(id, MockOneWireDevice::new);
    }

    /**
     * Detaches a slave completely.
     *
     * @param id the slave identity
     * @return this bus
     */
    public synchronized MockOneWireBus remove(OneWireId id) {
        devices.remove(id);
        return this;
    }

    /**
     * Injected failures of enumeration.
     *
     * @return the fault injector
     */
    public MockFaults faults() {
        return faults;
    }

    synchronized List<OneWireId> enumerate() throws HalException {
        faults.check("enumerate");
        List<OneWireId> ids = new ArrayList<>();
        devices.values().stream().filter(MockOneWireDevice::connected).forEach(d -> ids.add(d.id()));
        return ids;
    }

    synchronized MockOneWireDevice find(OneWireId id) throws HalException {
        MockOneWireDevice d = devices.get(id);
        if (d == null) {
            throw new HalException(HalException.Kind.DEVICE_NOT_FOUND, "1-Wire slave " + id + " is not present");
        }
        return d;
    }
}
