package io.github.xmppiot.core.value;

/**
 * An xs:string value. Characters that XML 1.0 cannot carry (most control characters, unpaired surrogates) are
 * rejected, so a value can always be sent.
 *
 * @param value the text, never null
 * @since 0.1.0
 */
public record StringValue(String value) implements Value {

    /**
     * Validates the text.
     *
     * @throws IllegalArgumentException if the text is null or holds characters XML cannot carry
     */
    public StringValue {
        value = Values.xmlText(value, "string value");
    }

    /**
     * Creates a string value.
     *
     * @param value the text
     * @return the value
     */
    public static StringValue of(String value) {
        return new StringValue(value);
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public String lexical() {
        return value;
    }
}
