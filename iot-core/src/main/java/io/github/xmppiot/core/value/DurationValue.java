package io.github.xmppiot.core.value;

import java.util.Objects;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * An xs:duration value, years and months included (so not a {@link java.time.Duration}; CHECKLIST §14).
 *
 * @param duration the duration, never null
 * @since 0.1.0
 */
public record DurationValue(Duration duration) implements Value {

    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Checks the duration.
     *
     * @throws NullPointerException if null
     */
    public DurationValue {
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * Parses an xs:duration such as {@code P1Y2M3DT4H5M6.7S} or {@code -PT15M}.
     *
     * @param lexical the lexical form
     * @return the value
     * @throws IllegalArgumentException if not an xs:duration
     */
    public static DurationValue parse(String lexical) {
        String s = lexical == null ? "" : lexical.strip();
        try {
            return new DurationValue(FACTORY.newDuration(s));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("not an xs:duration: '" + Values.abbreviate(lexical) + "'", e);
        }
    }

    /**
     * A duration from a {@link java.time.Duration} (days, hours, minutes, seconds).
     *
     * @param duration the duration
     * @return the value
     */
    public static DurationValue of(java.time.Duration duration) {
        return new DurationValue(FACTORY.newDuration(duration.toMillis()));
    }

    @Override
    public ValueType type() {
        return ValueType.DURATION;
    }

    @Override
    public String lexical() {
        return duration.toString();
    }
}
