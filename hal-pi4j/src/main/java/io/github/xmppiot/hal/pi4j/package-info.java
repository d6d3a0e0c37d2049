/**
 * The {@code pi4j} HAL backend for the Raspberry Pi, on Pi4J 2 ({@code com.pi4j:pi4j-core}). Add the Pi4J plugins for
 * the hardware access you want (gpiod, linuxfs or pigpio) and select their providers per channel kind with
 * {@link io.github.xmppiot.hal.pi4j.Pi4jOptions}. 1-Wire is read from the Linux w1 sysfs tree because Pi4J has no
 * 1-Wire support; Pi4J has no analog inputs on the Raspberry Pi either (it has no ADC). See
 * {@code docs/raspberry-pi.md}.
 */
package io.github.xmppiot.hal.pi4j;
