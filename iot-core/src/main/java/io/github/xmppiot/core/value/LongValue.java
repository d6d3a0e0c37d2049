package io.github.xmppiot.core.value;

/**
 * An xs:long value (signed 64 bits).
 *
 * @param value the integer
 * @since 0.1.0
 */
public record LongValue(long value) implements Value {

    /**
     * Parses an xs:long lexical form.
     *
     * @param lexical optional sign followed by decimal digits
     * @return the value
     * @throws IllegalArgumentException if not an xs:long or out of the 64-bit range
     */
    public static LongValue parse(String lexical) {
        String s = Values.integerLexical(lexical, "xs:long");
        try {
            return new LongValue(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("xs:long out of range: '" + Values.abbreviate(lexical) + "'", e);
        }
    }

    @Override
    public ValueType type() {
        return ValueType.LONG;
    }

    @Override
    public String lexical() {
        return Long.toString(value);
    }
}
