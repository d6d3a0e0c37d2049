package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.BinarySensor;
import java.util.Map;
import java.util.Objects;

/**
 * A binary sensor as a hub node (XEP-0326 §3.11): a PIR motion sensor (node type {@code pir}, the momentary boolean
 * field {@code Motion}) or a push button (node type {@code button}, field {@code Pressed}), XEP-0323.
 *
 * @since 0.1.0
 */
public final class BinarySensorNode extends SingleDriverNode<BinarySensor> {

    private final BinarySensor.Preset preset;

    /**
     * Creates the node factory.
     *
     * @param preset the kind of sensor
     */
    public BinarySensorNode(BinarySensor.Preset preset) {
        super(Objects.requireNonNull(preset, "preset").info());
        this.preset = preset;
    }

    @Override
    BinarySensor openDriver(HubHardware hardware, Map<String, String> configuration) throws Exception {
        return BinarySensor.open(hardware.hal(), BinarySensor.Config.from(preset, configuration));
    }

    @Override
    Thing.Builder bind(Thing.Builder thing, BinarySensor sensor, HubHardware hardware) {
        return thing.sensor(DriverBindings.binarySensor(sensor, hardware.executor()));
    }
}
