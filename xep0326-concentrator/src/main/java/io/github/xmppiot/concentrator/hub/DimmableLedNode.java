package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DimmableLed;
import io.github.xmppiot.hal.driver.DriverInfo;
import java.util.Map;

/**
 * A dimmable (PWM) LED as a hub node (XEP-0326 §3.11): the int control parameter {@code Brightness}, 0–100 %
 * (XEP-0325).
 *
 * @since 0.1.0
 */
public final class DimmableLedNode implements DriverNode {

    /** Creates the node factory. */
    public DimmableLedNode() {}

    @Override
    public DriverInfo info() {
        return DimmableLed.INFO;
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        DimmableLed led = DimmableLed.open(hardware.hal(), DimmableLed.Config.from(configuration));
        return Device.of(
                Thing.builder(node)
                        .parameter(DriverBindings.dimmer(led, "Brightness"))
                        .build(),
                led);
    }
}
