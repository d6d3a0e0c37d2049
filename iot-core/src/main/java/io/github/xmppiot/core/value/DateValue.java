package io.github.xmppiot.core.value;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An xs:date value, with an optional time zone that is kept as given and never invented.
 *
 * @param date the date, never null
 * @param zone the zone offset, or null when the lexical form had none
 * @since 0.1.0
 */
public record DateValue(LocalDate date, ZoneOffset zone) implements Value {

    /**
     * Checks the date.
     *
     * @throws NullPointerException if {@code date} is null
     */
    public DateValue {
        Objects.requireNonNull(date, "date");
    }

    /**
     * A date without zone.
     *
     * @param date the date
     * @return the value
     */
    public static DateValue of(LocalDate date) {
        return new DateValue(date, null);
    }

    /**
     * Parses {@code YYYY-MM-DD} with an optional zone ({@code Z} or {@code ±hh:mm}).
     *
     * @param lexical the lexical form
     * @return the value
     * @throws IllegalArgumentException if not an xs:date
     */
    public static DateValue parse(String lexical) {
        Object[] p = Values.parseDate(lexical);
        return new DateValue((LocalDate) p[0], (ZoneOffset) p[1]);
    }

    @Override
    public ValueType type() {
        return ValueType.DATE;
    }

    @Override
    public String lexical() {
        return Values.formatDate(date) + Values.formatZone(zone);
    }
}
