package io.github.xmppiot.hal.pi4j;

import io.github.xmppiot.hal.driver.GpioDriverContract;
import io.github.xmppiot.hal.testing.HalFixture;

/** The GpioDriver driver contract on the Pi4J backend over Pi4J's mock platform. */
class GpioDriverOnPi4jTest extends GpioDriverContract {
    @Override
    protected HalFixture createFixture() {
        return new Pi4jHalFixture();
    }
}
