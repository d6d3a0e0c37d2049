package io.github.xmppiot.hal;

/**
 * Internal bias resistor of a digital input.
 *
 * @since 0.1.0
 */
public enum PullResistance {
    /** No bias: the pin floats unless the circuit drives it. */
    NONE,
    /** Pull-up resistor: the pin reads high unless pulled low (typical for a button to ground). */
    PULL_UP,
    /** Pull-down resistor: the pin reads low unless driven high. */
    PULL_DOWN
}
