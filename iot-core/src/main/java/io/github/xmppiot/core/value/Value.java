package io.github.xmppiot.core.value;

/**
 * A typed value as carried by an XMPP IoT field or parameter. Each record validates its content on construction and
 * prints its XML Schema lexical form with {@link #lexical()}.
 *
 * <p>Use {@link Values#parse(ValueType, String)} to read a lexical form of a known type.
 *
 * @since 0.1.0
 */
public sealed interface Value
        permits BooleanValue,
                ColorValue,
                DateValue,
                DateTimeValue,
                DoubleValue,
                DurationValue,
                EnumValue,
                IntValue,
                LongValue,
                NumericValue,
                StringValue,
                TimeValue {

    /**
     * The type of this value.
     *
     * @return the value type
     */
    ValueType type();

    /**
     * The canonical lexical form, as written into the {@code value} attribute.
     *
     * @return the lexical form
     */
    String lexical();
}
