package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.driver.Bme280Contract;
import io.github.xmppiot.hal.testing.HalFixture;

/** The Bme280 driver contract on the Pi4J backend over Pi4J's mock platform. */
class Bme280OnPi4jTest extends Bme280Contract {
    @Override
    protected HalFixture createFixture() {
        return new Pi4jHalFixture();
    }
}
