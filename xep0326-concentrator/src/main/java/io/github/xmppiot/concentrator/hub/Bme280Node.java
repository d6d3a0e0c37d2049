package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.driver.DriverInfo;
import io.github.xmppiot.hal.mock.MockDevices;
import java.util.Map;

/**
 * A BME280 as a hub node (XEP-0326 §3.11): the momentary fields {@code Temperature}, {@code Humidity} and
 * {@code Pressure} (XEP-0323). On the {@code mock} backend the node gets a simulated chip ({@link MockDevices#bme280})
 * at its bus address, so demos read 25.08 °C and 1006.53 hPa.
 *
 * @since 0.1.0
 */
public final class Bme280Node implements DriverNode {

    /** Creates the node factory. */
    public Bme280Node() {}

    @Override
    public DriverInfo info() {
        return Bme280.INFO;
    }

    @Override
    public Device open(HubHardware hardware, NodeRef node, Map<String, String> configuration) throws Exception {
        Bme280.Config config = Bme280.Config.from(configuration);
        hardware.mock().ifPresent(board -> {
            if (board.findI2cDevice(config.bus(), config.address()).isEmpty()) {
                MockDevices.bme280(board, config.bus(), config.address());
            }
        });
        Bme280 sensor = Bme280.open(hardware.hal(), config);
        return Device.of(
                Thing.builder(node)
                        .sensor(DriverBindings.bme280(sensor, hardware.executor()))
                        .build(),
                sensor);
    }
}
