/**
 * The {@code mock} HAL backend: a simulated board ({@link io.github.xmppiot.hal.mock.MockHal}) with typed handles for
 * pins, ADC channels, I2C chips (register maps and scripted values), SPI devices and 1-Wire slaves, fault injection
 * ({@link io.github.xmppiot.hal.mock.MockFaults}: read errors, timeouts, missing or disconnected chips) and a
 * controllable clock ({@link io.github.xmppiot.hal.mock.MockClock}). Used by unit tests of drivers and by device
 * simulations; selected with {@code hal.backend=mock}.
 */
package io.github.xmppiot.hal.mock;
