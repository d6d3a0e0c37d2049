/**
 * Device drivers written only against the HAL API: BME280 and BH1750 (I2C), DS18B20 (1-Wire), PIR motion sensor and
 * push button (digital input), relay and LED (digital output), dimmable LED (PWM).
 *
 * <p>Every driver exposes a typed result, throws {@link io.github.xmppiot.hal.HalException} for a failed read (never a
 * wrong value), waits through {@link io.github.xmppiot.hal.HalClock}, and declares its configuration parameters as a
 * {@link io.github.xmppiot.hal.driver.DriverInfo} ({@link io.github.xmppiot.hal.driver.DriverCatalog} lists them all).
 * Mapping readings to XMPP sensor-data fields is deliberately not done here; the Thing model adapts drivers.
 * Drivers are not thread-safe across multi-step operations unless documented; the measurement methods of the I2C
 * drivers are synchronised.
 */
package io.github.xmppiot.hal.driver;
