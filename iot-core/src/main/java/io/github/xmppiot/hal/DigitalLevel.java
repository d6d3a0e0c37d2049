package io.github.xmppiot.hal;

/**
 * Logic level of a digital pin.
 *
 * @since 0.1.0
 */
public enum DigitalLevel {
    /** Logic low (0 V). */
    LOW,
    /** Logic high (3.3 V on a Raspberry Pi). */
    HIGH;

    /**
     * The level for a boolean.
     *
     * @param high whether the level is high
     * @return {@link #HIGH} for {@code true}, {@link #LOW} for {@code false}
     */
    public static DigitalLevel of(boolean high) {
        return high ? HIGH : LOW;
    }

    /**
     * Whether this is {@link #HIGH}.
     *
     * @return {@code true} for {@link #HIGH}
     */
    public boolean isHigh() {
        return this == HIGH;
    }

    /**
     * The opposite level.
     *
     * @return {@link #LOW} for {@link #HIGH} and vice versa
     */
    public DigitalLevel inverse() {
        return this == HIGH ? LOW : HIGH;
    }
}
