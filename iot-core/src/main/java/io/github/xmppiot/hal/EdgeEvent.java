package io.github.xmppiot.hal;

import java.util.Objects;

/**
 * A level change on a digital input, after debouncing.
 *
 * @param pin      the pin number (BCM numbering on a Raspberry Pi)
 * @param level    the new level
 * @param nanoTime the {@link HalClock#nanoTime()} at which the raw signal changed to {@code level}
 * @since 0.1.0
 */
public record EdgeEvent(int pin, DigitalLevel level, long nanoTime) {

    /**
     * Validates the event.
     *
     * @throws NullPointerException if {@code level} is null
     */
    public EdgeEvent {
        Objects.requireNonNull(level, "level");
    }

    /**
     * Whether the signal went from low to high.
     *
     * @return {@code true} for a rising edge, {@code false} for a falling edge
     */
    public boolean rising() {
        return level == DigitalLevel.HIGH;
    }
}
