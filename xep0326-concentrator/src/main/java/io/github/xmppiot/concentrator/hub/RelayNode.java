package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.driver.Relay;
import java.util.Map;

/**
 * A relay as a hub node (XEP-0326 §3.11): the boolean control parameter {@code Output} (XEP-0325), readable
 * as a field (XEP-0323).
 *
 * @since 0.1.0
 */
public final class RelayNode implements DriverNode {

    /** Creates the node factory. */
    public RelayNode() {
    }

    @Override
    public DriverInfo info() {
        return Relay.INFO;
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        Relay relay = Relay.open(hardware.hal(), Relay.Config.from(configuration));
        return Device.of(Thing.builder(node).parameter(DriverBindings.relay(relay, "Output")).build(), relay);
    }
}
