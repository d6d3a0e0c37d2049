package io.github.xmppiot.core.value;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An xs:time value, with an optional time zone that is kept as given and never invented.
 *
 * @param time the time of day, never null
 * @param zone the zone offset, or null when the lexical form had none
 * @since 0.1.0
 */
public record TimeValue(LocalTime time, ZoneOffset zone) implements Value {

    /**
     * Checks the time.
     *
     * @throws NullPointerException if {@code time} is null
     */
    public TimeValue {
        Objects.requireNonNull(time, "time");
    }

    /**
     * A time without zone.
     *
     * @param time the time
     * @return the value
     */
    public static TimeValue of(LocalTime time) {
        return new TimeValue(time, null);
    }

    /**
     * Parses {@code hh:mm:ss[.fffffffff]} with an optional zone.
     *
     * @param lexical the lexical form
     * @return the value
     * @throws IllegalArgumentException if not an xs:time
     */
    public static TimeValue parse(String lexical) {
        Object[] p = Values.parseTime(lexical);
        return new TimeValue((LocalTime) p[0], (ZoneOffset) p[1]);
    }

    @Override
    public ValueType type() {
        return ValueType.TIME;
    }

    @Override
    public String lexical() {
        return Values.formatTime(time) + Values.formatZone(zone);
    }
}
