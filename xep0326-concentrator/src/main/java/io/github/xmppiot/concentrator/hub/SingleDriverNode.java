package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.driver.DriverInfo;
import java.util.Map;
import java.util.Objects;

/**
 * A node backed by one HAL driver (XEP-0326 §3.11): the driver's declaration, and {@link #open} opening the driver,
 * binding it to the node's Thing and closing it again if the binding fails. Subclasses say only how the driver is
 * opened and bound.
 *
 * @param <D> the driver
 */
abstract class SingleDriverNode<D extends AutoCloseable> implements DriverNode {

    private final DriverInfo info;

    SingleDriverNode(DriverInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    @Override
    public final DriverInfo info() {
        return info;
    }

    @Override
    public final Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        D driver = openDriver(hardware, configuration);
        try {
            return Device.of(bind(Thing.builder(node), driver, hardware).build(), driver);
        } catch (RuntimeException e) {
            try {
                driver.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Opens the driver from the node's textual configuration; may block. */
    abstract D openDriver(HubHardware hardware, Map<String, String> configuration) throws Exception;

    /** Adds the driver's sensors and control parameters to the node's Thing. */
    abstract Thing.Builder bind(Thing.Builder thing, D driver, HubHardware hardware);
}
