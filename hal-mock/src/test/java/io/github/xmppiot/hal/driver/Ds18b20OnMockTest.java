package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.testing.HalFixture;
import io.github.xmppiot.hal.testing.MockHalFixture;

class Ds18b20OnMockTest extends Ds18b20Contract {
    @Override
    protected HalFixture createFixture() {
        return new MockHalFixture();
    }
}
