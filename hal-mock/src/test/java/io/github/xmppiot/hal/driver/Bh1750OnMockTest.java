package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.testing.HalFixture;
import io.github.xmppiot.hal.testing.MockHalFixture;

class Bh1750OnMockTest extends Bh1750Contract {
    @Override
    protected HalFixture createFixture() {
        return new MockHalFixture();
    }
}
