/**
 * Hardware abstraction layer (HAL): a small, backend-neutral API for the pins and buses an XMPP IoT device reads its
 * sensors and drives its actuators through.
 *
 * <p>Applications obtain a {@link io.github.xmppiot.hal.HalContext} from {@link io.github.xmppiot.hal.Hal}, which
 * finds backends ({@link io.github.xmppiot.hal.HalProvider}) through {@link java.util.ServiceLoader} and selects one by
 * the {@code hal.backend} property: {@code mock} (in this module, for tests and simulations) or {@code pi4j} (module
 * {@code hal-pi4j}, for the Raspberry Pi). Channels cover digital input (with debounce and edge listeners), digital
 * output, PWM, analog input, I2C, SPI and the Linux 1-Wire bus.
 *
 * <p>Design: every operation that touches hardware is synchronous and reports failure as the checked
 * {@link io.github.xmppiot.hal.HalException}; misuse of the lifecycle is an {@link java.lang.IllegalStateException}.
 * Time comes from {@link io.github.xmppiot.hal.HalClock} so that debouncing and drivers are testable without sleeping.
 * Device drivers written against this API live in {@code io.github.xmppiot.hal.driver}.
 */
package io.github.xmppiot.hal;
