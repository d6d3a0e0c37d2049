package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.Bh1750;
import java.util.Map;

/**
 * A BH1750 light sensor as a hub node (XEP-0326 §3.11): the momentary field {@code Light} in lx (XEP-0323). The
 * mock backend has no simulated BH1750: there a read-out reports a field failure until a test primes the chip.
 *
 * @since 0.1.0
 */
public final class Bh1750Node extends SingleDriverNode<Bh1750> {

    /** Creates the node factory. */
    public Bh1750Node() {
        super(Bh1750.INFO);
    }

    @Override
    Bh1750 openDriver(HubHardware hardware, Map<String, String> configuration) throws Exception {
        return Bh1750.open(hardware.hal(), Bh1750.Config.from(configuration));
    }

    @Override
    Thing.Builder bind(Thing.Builder thing, Bh1750 sensor, HubHardware hardware) {
        return thing.sensor(DriverBindings.bh1750(sensor, hardware.executor()));
    }
}
