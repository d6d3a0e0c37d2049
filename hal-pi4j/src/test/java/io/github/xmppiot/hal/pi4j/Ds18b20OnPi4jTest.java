package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.driver.Ds18b20Contract;
import io.github.xmppiot.hal.testing.HalFixture;

/** The Ds18b20 driver contract on the Pi4J backend over Pi4J's mock platform. */
class Ds18b20OnPi4jTest extends Ds18b20Contract {
    @Override
    protected HalFixture createFixture() {
        return new Pi4jHalFixture();
    }
}
