package io.github.xmppiot.core.value;

import java.util.Optional;

/**
 * The value types of the XMPP IoT extensions, named by the XML element that carries them.
 *
 * <p>XEP-0323 fields use {@code boolean, date, dateTime, duration, enum, int, long, numeric, string, time}; XEP-0325
 * control parameters use {@code boolean, color, date, dateTime, double, duration, int, long, string, time}.
 *
 * @since 0.1.0
 */
public enum ValueType {
    /** xs:boolean, element {@code boolean} (Smack emits {@code bool}, accepted on input). */
    BOOLEAN("boolean"),
    /** RRGGBB or RRGGBBAA hexadecimal colour (XEP-0325 {@code color}). */
    COLOR("color"),
    /** xs:date. */
    DATE("date"),
    /** xs:dateTime, with or without a time zone. */
    DATE_TIME("dateTime"),
    /** xs:double (XEP-0325 {@code double}). */
    DOUBLE("double"),
    /** xs:duration, years and months included. */
    DURATION("duration"),
    /** Enumeration value with a {@code dataType} naming the enumeration (XEP-0323 {@code enum}). */
    ENUM("enum"),
    /** xs:int, signed 32 bits. */
    INT("int"),
    /** xs:long, signed 64 bits. */
    LONG("long"),
    /** Decimal number with unit, keeping its lexical decimals (XEP-0323 {@code numeric}). */
    NUMERIC("numeric"),
    /** xs:string. */
    STRING("string"),
    /** xs:time. */
    TIME("time");

    private static final ValueType[] VALUES = values();

    private final String elementName;

    ValueType(String elementName) {
        this.elementName = elementName;
    }

    /**
     * The XML element name that carries a value of this type.
     *
     * @return element name as the XEPs spell it
     */
    public String elementName() {
        return elementName;
    }

    /**
     * Looks a type up by element name; accepts Smack's {@code bool} as an alias of {@code boolean} (CHECKLIST §14).
     *
     * @param elementName the element's local name
     * @return the type, empty if the name is not a value element
     */
    public static Optional<ValueType> fromElementName(String elementName) {
        if ("bool".equals(elementName)) {
            return Optional.of(BOOLEAN);
        }
        for (ValueType t : VALUES) {
            if (t.elementName.equals(elementName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this type may appear as an XEP-0325 control parameter.
     *
     * @return true for every type except {@code numeric} and {@code enum}
     */
    public boolean isControlType() {
        return this != NUMERIC && this != ENUM;
    }

    /**
     * Whether this type may appear as an XEP-0323 field value.
     *
     * @return true for every type except {@code color} and {@code double}
     */
    public boolean isFieldType() {
        return this != COLOR && this != DOUBLE;
    }
}
