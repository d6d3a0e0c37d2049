package io.github.xmppiot.core.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * An xs:dateTime value (XEP-0082 profile), used for field values, timestamps and request ranges. A value read without
 * a zone stays without one (CHECKLIST §14: do not invent a zone).
 *
 * @param dateTime the local date and time, never null
 * @param zone     the zone offset, or null when the lexical form had none
 * @since 0.1.0
 */
public record DateTimeValue(LocalDateTime dateTime, ZoneOffset zone) implements Value, Comparable<DateTimeValue> {

    /**
     * Checks the date and time.
     *
     * @throws NullPointerException if {@code dateTime} is null
     */
    public DateTimeValue {
        Objects.requireNonNull(dateTime, "dateTime");
    }

    /**
     * A zoned value from an instant, in UTC.
     *
     * @param instant the instant
     * @return the value with zone {@code Z}
     */
    public static DateTimeValue of(Instant instant) {
        return new DateTimeValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /**
     * A zoned value.
     *
     * @param dateTime the offset date-time
     * @return the value with that offset
     */
    public static DateTimeValue of(OffsetDateTime dateTime) {
        return new DateTimeValue(dateTime.toLocalDateTime(), dateTime.getOffset());
    }

    /**
     * A value without zone.
     *
     * @param dateTime the local date-time
     * @return the value
     */
    public static DateTimeValue of(LocalDateTime dateTime) {
        return new DateTimeValue(dateTime, null);
    }

    /**
     * Parses {@code YYYY-MM-DDThh:mm:ss[.fff]} with an optional zone.
     *
     * @param lexical the lexical form
     * @return the value
     * @throws IllegalArgumentException if not an xs:dateTime
     */
    public static DateTimeValue parse(String lexical) {
        String s = lexical == null ? "" : lexical.strip();
        int t = s.indexOf('T');
        if (t != 10) {
            throw new IllegalArgumentException("not an xs:dateTime (YYYY-MM-DDThh:mm:ss with optional zone): '"
                    + Values.abbreviate(lexical) + "'");
        }
        Object[] date = Values.parseDate(s.substring(0, t));
        Object[] time = Values.parseTime(s.substring(t + 1));
        return new DateTimeValue(
                LocalDateTime.of((java.time.LocalDate) date[0], (java.time.LocalTime) time[0]), (ZoneOffset) time[1]);
    }

    /**
     * The instant this value denotes, interpreting a zone-less value in {@code assumedZone} (XEP-0323 §3.9: a reader
     * assumes its own zone when none is given).
     *
     * @param assumedZone the zone to assume when the value has none
     * @return the instant
     */
    public Instant toInstant(ZoneOffset assumedZone) {
        return dateTime.toInstant(zone != null ? zone : assumedZone);
    }

    /**
     * The offset date-time, if the value has a zone.
     *
     * @return the offset date-time, empty for zone-less values
     */
    public Optional<OffsetDateTime> offsetDateTime() {
        return zone == null ? Optional.empty() : Optional.of(OffsetDateTime.of(dateTime, zone));
    }

    /**
     * Orders by instant, zone-less values taken as UTC.
     *
     * @param o the other value
     * @return the comparison
     */
    @Override
    public int compareTo(DateTimeValue o) {
        return toInstant(ZoneOffset.UTC).compareTo(o.toInstant(ZoneOffset.UTC));
    }

    @Override
    public ValueType type() {
        return ValueType.DATE_TIME;
    }

    @Override
    public String lexical() {
        return Values.formatDate(dateTime.toLocalDate())
                + 'T'
                + Values.formatTime(dateTime.toLocalTime())
                + Values.formatZone(zone);
    }
}
