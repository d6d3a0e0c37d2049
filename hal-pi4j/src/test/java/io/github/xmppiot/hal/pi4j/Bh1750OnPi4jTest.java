package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.driver.Bh1750Contract;
import io.github.xmppiot.hal.testing.HalFixture;

/** The Bh1750 driver contract on the Pi4J backend over Pi4J's mock platform. */
class Bh1750OnPi4jTest extends Bh1750Contract {
    @Override
    protected HalFixture createFixture() {
        return new Pi4jHalFixture();
    }
}
