package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.testing.HalFixture;
import io.github.xmppiot.hal.testing.MockHalFixture;

class Bme280OnMockTest extends Bme280Contract {
    @Override
    protected HalFixture createFixture() {
        return new MockHalFixture();
    }
}
