package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.hal.bind.DriverBindings;
import io.github.xmppiot.hal.driver.Bme280;
import io.github.xmppiot.hal.mock.MockDevices;
import java.util.Map;

/**
 * A BME280 as a hub node (XEP-0326 §3.11): the momentary fields {@code Temperature}, {@code Humidity} and
 * {@code Pressure} (XEP-0323). On the {@code mock} backend the node gets a simulated chip ({@link MockDevices#bme280})
 * at its bus address, so demos read 25.08 °C and 1006.53 hPa.
 *
 * @since 0.1.0
 */
public final class Bme280Node extends SingleDriverNode<Bme280> {

    /** Creates the node factory. */
    public Bme280Node() {
        super(Bme280.INFO);
    }

    @Override
    Bme280 openDriver(HubHardware hardware, Map<String, String> configuration) throws Exception {
        Bme280.Config config = Bme280.Config.from(configuration);
        hardware.mock().ifPresent(board -> {
            if (board.findI2cDevice(config.bus(), config.address()).isEmpty()) {
                MockDevices.bme280(board, config.bus(), config.address());
            }
        });
        return Bme280.open(hardware.hal(), config);
    }

    @Override
    Thing.Builder bind(Thing.Builder thing, Bme280 sensor, HubHardware hardware) {
        return thing.sensor(DriverBindings.bme280(sensor, hardware.executor()));
    }
}
