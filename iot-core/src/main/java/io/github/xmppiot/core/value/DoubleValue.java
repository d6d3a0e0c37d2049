package io.github.xmppiot.core.value;

/**
 * An xs:double control value (XEP-0325 {@code double}). Output uses the xs:double spellings {@code INF}, {@code -INF}
 * and {@code NaN}.
 *
 * @param value the number
 * @since 0.1.0
 */
public record DoubleValue(double value) implements Value {

    /**
     * Parses an xs:double lexical form; Java-only spellings such as {@code Infinity}, {@code 0x1p3} or {@code 1d} are
     * rejected.
     *
     * @param lexical the lexical form
     * @return the value
     * @throws IllegalArgumentException if not an xs:double
     */
    public static DoubleValue parse(String lexical) {
        String s = Values.doubleLexical(lexical);
        switch (s) {
            case "INF":
            case "+INF":
                return new DoubleValue(Double.POSITIVE_INFINITY);
            case "-INF":
                return new DoubleValue(Double.NEGATIVE_INFINITY);
            case "NaN":
                return new DoubleValue(Double.NaN);
            default:
                return new DoubleValue(Double.parseDouble(s));
        }
    }

    @Override
    public ValueType type() {
        return ValueType.DOUBLE;
    }

    @Override
    public String lexical() {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "INF" : "-INF";
        }
        return Double.toString(value);
    }
}
