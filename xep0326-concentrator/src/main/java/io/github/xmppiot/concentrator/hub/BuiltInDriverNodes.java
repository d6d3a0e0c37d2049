package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.hal.driver.BinarySensor;
import io.github.xmppiot.hal.driver.SwitchedOutput;
import java.util.List;

/**
 * The driver nodes a {@link Hub} offers by default (XEP-0326 §3.11 "Get Addable Node Types").
 *
 * @since 0.1.0
 */
public final class BuiltInDriverNodes {

    private BuiltInDriverNodes() {}

    /** @return relay, LED, dimmable LED, BME280, BH1750, PIR and push button, in that order */
    public static List<DriverNode> all() {
        return List.of(
                new SwitchedOutputNode(SwitchedOutput.Preset.RELAY),
                new SwitchedOutputNode(SwitchedOutput.Preset.LED),
                new DimmableLedNode(),
                new Bme280Node(),
                new Bh1750Node(),
                new BinarySensorNode(BinarySensor.Preset.MOTION),
                new BinarySensorNode(BinarySensor.Preset.BUTTON));
    }
}
