package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.driver.MotionSensor;
import java.util.Map;

/**
 * A PIR motion sensor as a hub node (XEP-0326 §3.11): the momentary boolean field {@code Motion} (XEP-0323).
 *
 * @since 0.1.0
 */
public final class MotionSensorNode implements DriverNode {

    /** Creates the node factory. */
    public MotionSensorNode() {
    }

    @Override
    public DriverInfo info() {
        return MotionSensor.INFO;
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        MotionSensor sensor = MotionSensor.open(hardware.hal(), MotionSensor.Config.from(configuration));
        return Device.of(Thing.builder(node).sensor(DriverBindings.motion(sensor, hardware.executor())).build(), sensor);
    }
}
