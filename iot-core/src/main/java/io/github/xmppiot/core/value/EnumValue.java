package io.github.xmppiot.core.value;

/**
 * An enumeration value (XEP-0323 §3.1 {@code enum}): the symbolic value plus {@code dataType}, the name of the
 * enumeration type.
 *
 * @param value    the enumeration value, never null
 * @param dataType the enumeration type name, never null
 * @since 0.1.0
 */
public record EnumValue(String value, String dataType) implements Value {

    /**
     * Validates both parts.
     *
     * @throws IllegalArgumentException if either is null or holds characters XML cannot carry
     */
    public EnumValue {
        value = Values.xmlText(value, "enum value");
        dataType = Values.xmlText(dataType, "enum dataType");
    }

    @Override
    public ValueType type() {
        return ValueType.ENUM;
    }

    @Override
    public String lexical() {
        return value;
    }
}
