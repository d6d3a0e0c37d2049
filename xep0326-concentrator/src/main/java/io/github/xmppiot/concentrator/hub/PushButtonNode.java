package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.driver.PushButton;
import java.util.Map;

/**
 * A push button as a hub node (XEP-0326 §3.11): the momentary boolean field {@code Pressed} (XEP-0323).
 *
 * @since 0.1.0
 */
public final class PushButtonNode implements DriverNode {

    /** Creates the node factory. */
    public PushButtonNode() {
    }

    @Override
    public DriverInfo info() {
        return PushButton.INFO;
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        PushButton button = PushButton.open(hardware.hal(), PushButton.Config.from(configuration));
        return Device.of(Thing.builder(node).sensor(DriverBindings.button(button, hardware.executor())).build(), button);
    }
}
