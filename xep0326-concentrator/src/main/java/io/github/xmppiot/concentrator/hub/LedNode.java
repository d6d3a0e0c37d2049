package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.driver.Led;
import java.util.Map;

/**
 * An LED as a hub node (XEP-0326 §3.11): the boolean control parameter {@code Led} (XEP-0325).
 *
 * @since 0.1.0
 */
public final class LedNode implements DriverNode {

    /** Creates the node factory. */
    public LedNode() {
    }

    @Override
    public DriverInfo info() {
        return Led.INFO;
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        Led led = Led.open(hardware.hal(), Led.Config.from(configuration));
        return Device.of(Thing.builder(node).parameter(DriverBindings.led(led, "Led")).build(), led);
    }
}
