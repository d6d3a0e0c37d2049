package io.github.xmppiot.core.value;

/**
 * An xs:int value (signed 32 bits).
 *
 * @param value the integer
 * @since 0.1.0
 */
public record IntValue(int value) implements Value {

    /**
     * Parses an xs:int lexical form.
     *
     * @param lexical optional sign followed by decimal digits
     * @return the value
     * @throws IllegalArgumentException if not an xs:int or out of the 32-bit range
     */
    public static IntValue parse(String lexical) {
        String s = Values.integerLexical(lexical, "xs:int");
        try {
            return new IntValue(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("xs:int out of range: '" + Values.abbreviate(lexical) + "'", e);
        }
    }

    @Override
    public ValueType type() {
        return ValueType.INT;
    }

    @Override
    public String lexical() {
        return Integer.toString(value);
    }
}
