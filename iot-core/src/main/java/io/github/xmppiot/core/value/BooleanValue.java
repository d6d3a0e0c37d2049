package io.github.xmppiot.core.value;

/**
 * An xs:boolean value. Parsing accepts {@code true}, {@code false}, {@code 1} and {@code 0} (XML Schema lexical space;
 * CHECKLIST §14); output is always {@code true} or {@code false}.
 *
 * @param value the boolean
 * @since 0.1.0
 */
public record BooleanValue(boolean value) implements Value {

    /** The value {@code true}. */
    public static final BooleanValue TRUE = new BooleanValue(true);
    /** The value {@code false}. */
    public static final BooleanValue FALSE = new BooleanValue(false);

    /**
     * Returns the constant for a boolean.
     *
     * @param value the boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * Parses an xs:boolean lexical form.
     *
     * @param lexical {@code true}, {@code false}, {@code 1} or {@code 0}, surrounding white space ignored
     * @return the value
     * @throws IllegalArgumentException for any other input
     */
    public static BooleanValue parse(String lexical) {
        return of(parseBoolean(lexical));
    }

    /**
     * Parses an xs:boolean lexical form into a primitive.
     *
     * @param lexical {@code true}, {@code false}, {@code 1} or {@code 0}, surrounding white space ignored
     * @return the boolean
     * @throws IllegalArgumentException for any other input
     */
    public static boolean parseBoolean(String lexical) {
        String s = lexical == null ? "" : lexical.strip();
        switch (s) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException(
                        "not an xs:boolean (true, false, 1 or 0): '" + Values.abbreviate(lexical) + "'");
        }
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String lexical() {
        return Boolean.toString(value);
    }
}
