package io.github.xmppiot.hal;

/** Internal bias resistor of a digital input. */
public enum PullResistance {
    /** No bias: the pin floats unless the circuit drives it. */
    NONE,
    /** Pull-up resistor: the pin reads high unless pulled low (typical for a button to ground). */
    PULL_UP,
    /** Pull-down resistor: the pin reads low unless driven high. */
    PULL_DOWN
}
