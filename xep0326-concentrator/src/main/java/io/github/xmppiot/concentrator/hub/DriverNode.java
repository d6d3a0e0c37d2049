package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.driver.DriverInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one HAL driver becomes a node of a hub: the driver's {@link DriverInfo} declares the configuration, and
 * {@link #open} opens the driver and binds it to a {@link Thing}. {@link DriverNodeType} turns such a declaration into
 * a XEP-0326 node type (§3.11 "Creating Nodes": the {@code getParametersForNewNode} form, validation, persisted
 * configuration), so adding a device type to a hub means writing one class implementing this interface.
 *
 * @since 0.1.0
 */
public interface DriverNode {

    /** @return the driver's declaration; its {@link DriverInfo#type()} is the XEP-0326 node type */
    DriverInfo info();

    /** @return the human-readable type name shown by {@code getAddableNodeTypes}; the driver's description by default */
    default String name() {
        return info().description();
    }

    /**
     * Opens the driver and builds the node's Thing. Runs off Smack's threads and may block.
     *
     * @param hardware      the hub's hardware context
     * @param node          the node's address
     * @param configuration textual values of the driver's parameters (absent ones take the driver's defaults through
     *                      the driver's {@code Config.from})
     * @return the Thing and what to close when the node goes away
     * @throws Exception if the device cannot be opened
     */
    Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception;

    /**
     * An opened device.
     *
     * @param thing     the node's Thing, with the driver's sensors and control parameters
     * @param resources what to close, in order, when the node is destroyed or reconfigured
     */
    record Device(Thing thing, List<AutoCloseable> resources) {

        /**
         * Validates and copies.
         *
         * @throws NullPointerException if the Thing is missing
         */
        public Device {
            Objects.requireNonNull(thing, "thing");
            resources = List.copyOf(resources);
        }

        /**
         * A device with the resources to close.
         *
         * @param thing     the Thing
         * @param resources the drivers
         * @return the device
         */
        public static Device of(Thing thing, AutoCloseable... resources) {
            return new Device(thing, List.of(resources));
        }
    }
}
