package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Values of {@code set} for a Thing without a control form (XEP-0325 §3.2 typed set elements): the type is given as
 * {@code NAME:TYPE=VALUE}, else inferred from the value (true/false: boolean, an integer: int or long, a decimal:
 * double, an xs:dateTime/date/time, #RRGGBB: color, anything else: string).
 */
final class TypedValues {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COLOR = Pattern.compile("#?[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?");

    private TypedValues() {}

    /**
     * A parameter name with an optional type: {@code Relay} or {@code Relay:boolean}.
     *
     * @param name the parameter name
     * @param type the type given, empty to infer or take the form's
     */
    record Name(String name, Optional<ValueType> type) {
        /**
         * Splits {@code NAME:TYPE}; a suffix that is not a control type stays part of the name.
         *
         * @param text the part before {@code =}
         * @return the name and type
         */
        static Name parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon > 0) {
                Optional<ValueType> t =
                        ValueType.fromElementName(text.substring(colon + 1)).filter(ValueType::isControlType);
                if (t.isPresent()) {
                    return new Name(text.substring(0, colon), t);
                }
                if (text.substring(colon + 1).matches("[a-zA-Z]+")) {
                    throw CliException.badInput(
                            "unknown type '" + text.substring(colon + 1) + "' in " + text + "; types: " + names());
                }
            }
            return new Name(text, Optional.empty());
        }
    }

    /** @return the control types, comma-separated */
    static String names() {
        return Arrays.stream(ValueType.values())
                .filter(ValueType::isControlType)
                .map(ValueType::elementName)
                .collect(Collectors.joining(", "));
    }

    /**
     * Types a value without a form.
     *
     * @param name    the parameter, with its type if given
     * @param lexical the value
     * @return the typed value
     * @throws CliException with {@link CliException#BAD_INPUT} if the value does not fit the given type
     */
    static Value typed(Name name, String lexical) {
        ValueType type = name.type().orElseGet(() -> infer(lexical));
        try {
            return Values.parse(
                    type, type == ValueType.COLOR && lexical.startsWith("#") ? lexical.substring(1) : lexical);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(
                    "'" + lexical + "' is not a valid " + type.elementName() + " for " + name.name());
        }
    }

    /**
     * Infers the type of a value.
     *
     * @param lexical the value
     * @return its type
     */
    static ValueType infer(String lexical) {
        String v = lexical.strip();
        if (v.equals("true") || v.equals("false")) {
            return ValueType.BOOLEAN;
        }
        if (INTEGER.matcher(v).matches()) {
            try {
                Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
                return ValueType.INT;
            } catch (NumberFormatException e) {
                return fits(ValueType.LONG, v) ? ValueType.LONG : ValueType.DOUBLE;
            }
        }
        if (DECIMAL.matcher(v).matches()) {
            return ValueType.DOUBLE;
        }
        if (v.startsWith("#") && COLOR.matcher(v).matches()) {
            return ValueType.COLOR;
        }
        if (v.contains("-") || v.contains(":") || v.startsWith("P")) {
            for (ValueType t : List.of(ValueType.DATE_TIME, ValueType.DATE, ValueType.TIME, ValueType.DURATION)) {
                if (fits(t, v)) {
                    return t;
                }
            }
        }
        return ValueType.STRING;
    }

    private static boolean fits(ValueType type, String v) {
        try {
            Values.parse(type, v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
