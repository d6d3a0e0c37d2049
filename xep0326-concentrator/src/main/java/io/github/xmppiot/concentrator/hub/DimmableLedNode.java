package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DimmableLed;
import java.util.Map;

/**
 * A dimmable (PWM) LED as a hub node (XEP-0326 §3.11): the int control parameter {@code Brightness}, 0–100 %
 * (XEP-0325).
 *
 * @since 0.1.0
 */
public final class DimmableLedNode extends SingleDriverNode<DimmableLed> {

    /** Creates the node factory. */
    public DimmableLedNode() {
        super(DimmableLed.INFO);
    }

    @Override
    DimmableLed openDriver(HubHardware hardware, Map<String, String> configuration) throws Exception {
        return DimmableLed.open(hardware.hal(), DimmableLed.Config.from(configuration));
    }

    @Override
    Thing.Builder bind(Thing.Builder thing, DimmableLed led, HubHardware hardware) {
        return thing.parameter(DriverBindings.dimmer(led, "Brightness"));
    }
}
