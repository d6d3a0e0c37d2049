package io.github.xmppiot.hal.driver;

import io.github.xmppiot.hal.testing.HalFixture;
import io.github.xmppiot.hal.testing.MockHalFixture;

class GpioDriverOnMockTest extends GpioDriverContract {
    @Override
    protected HalFixture createFixture() {
        return new MockHalFixture();
    }
}
