package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.BinarySensor;
import io.github.xmppiot.hal.driver.DriverInfo;
import java.util.Map;
import java.util.Objects;

/**
 * A binary sensor as a hub node (XEP-0326 §3.11): a PIR motion sensor (node type {@code pir}, the momentary boolean
 * field {@code Motion}) or a push button (node type {@code button}, field {@code Pressed}), XEP-0323.
 *
 * @since 0.1.0
 */
public final class BinarySensorNode implements DriverNode {

    private final BinarySensor.Preset preset;

    /**
     * Creates the node factory.
     *
     * @param preset the kind of sensor
     */
    public BinarySensorNode(BinarySensor.Preset preset) {
        this.preset = Objects.requireNonNull(preset, "preset");
    }

    @Override
    public DriverInfo info() {
        return preset.info();
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        BinarySensor sensor = BinarySensor.open(hardware.hal(), BinarySensor.Config.from(preset, configuration));
        return Device.of(
                Thing.builder(node)
                        .sensor(DriverBindings.binarySensor(sensor, hardware.executor()))
                        .build(),
                sensor);
    }
}
