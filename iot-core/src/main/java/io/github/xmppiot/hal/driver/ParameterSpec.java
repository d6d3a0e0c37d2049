package io.github.xmppiot.hal.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Immutable declaration of one configuration parameter of a driver: name, type, default and allowed values. A
 * {@link DriverInfo} lists them so that configuration forms (for example the XEP-0326 "create new node" parameter
 * form of a concentrator) can be generated and validated without knowing the driver.
 *
 * @since 0.1.0
 */
public final class ParameterSpec {

    /** Value type of a parameter. */
    public enum Type {
        /** A 32-bit integer; text accepts decimal and {@code 0x}-prefixed hexadecimal. */
        INT,
        /** A boolean; text accepts {@code true|false|1|0}. */
        BOOLEAN,
        /** A string, optionally restricted by a regular expression. */
        STRING
    }

    private final String name;
    private final Type type;
    private final String description;
    private final Object defaultValue;
    private final Integer min;
    private final Integer max;
    private final List<Integer> choices;
    private final Pattern pattern;

    private ParameterSpec(
            String name,
            Type type,
            String description,
            Object defaultValue,
            Integer min,
            Integer max,
            List<Integer> choices,
            Pattern pattern) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.description = Objects.requireNonNull(description, "description");
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        this.pattern = pattern;
        this.defaultValue = defaultValue == null ? null : validate(defaultValue);
    }

    /**
     * An integer within a range, with a default.
     *
     * @param name         the parameter name
     * @param description  what the parameter means
     * @param defaultValue the default, within the range
     * @param min          the smallest allowed value
     * @param max          the largest allowed value
     * @return the declaration
     */
    public static ParameterSpec intRange(String name, String description, int defaultValue, int min, int max) {
        return new ParameterSpec(name, Type.INT, description, defaultValue, min, max, List.of(), null);
    }

    /**
     * A required integer within a range (no default).
     *
     * @param name        the parameter name
     * @param description what the parameter means
     * @param min         the smallest allowed value
     * @param max         the largest allowed value
     * @return the declaration
     */
    public static ParameterSpec requiredInt(String name, String description, int min, int max) {
        return new ParameterSpec(name, Type.INT, description, null, min, max, List.of(), null);
    }

    /**
     * An integer restricted to a list of values, with a default.
     *
     * @param name         the parameter name
     * @param description  what the parameter means
     * @param defaultValue the default, one of {@code choices}
     * @param choices      the allowed values
     * @return the declaration
     */
    public static ParameterSpec intChoice(String name, String description, int defaultValue, int... choices) {
        List<Integer> list = new ArrayList<>();
        for (int c : choices) {
            list.add(c);
        }
        return new ParameterSpec(name, Type.INT, description, defaultValue, null, null, list, null);
    }

    /**
     * A boolean with a default.
     *
     * @param name         the parameter name
     * @param description  what the parameter means
     * @param defaultValue the default
     * @return the declaration
     */
    public static ParameterSpec bool(String name, String description, boolean defaultValue) {
        return new ParameterSpec(name, Type.BOOLEAN, description, defaultValue, null, null, List.of(), null);
    }

    /**
     * A required string matching a regular expression (no default).
     *
     * @param name        the parameter name
     * @param description what the parameter means
     * @param regex       the regular expression the whole value must match
     * @return the declaration
     */
    public static ParameterSpec requiredString(String name, String description, String regex) {
        return new ParameterSpec(name, Type.STRING, description, null, null, null, List.of(), Pattern.compile(regex));
    }

    /**
     * The parameter name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The value type.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * What the parameter means, for form labels.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The default value: an {@link Integer}, {@link Boolean} or {@link String} according to {@link #type()}.
     *
     * @return the default, or empty if the parameter is required
     */
    public Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Whether a value must be given.
     *
     * @return {@code true} if there is no default
     */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * The smallest allowed integer.
     *
     * @return the minimum, or empty if not a range
     */
    public OptionalInt min() {
        return min == null ? OptionalInt.empty() : OptionalInt.of(min);
    }

    /**
     * The largest allowed integer.
     *
     * @return the maximum, or empty if not a range
     */
    public OptionalInt max() {
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /**
     * The allowed integers of a choice parameter.
     *
     * @return the choices, empty if not a choice
     */
    public List<Integer> choices() {
        return choices;
    }

    /**
     * The regular expression a string value must match.
     *
     * @return the pattern, or empty
     */
    public Optional<String> pattern() {
        return Optional.ofNullable(pattern).map(Pattern::pattern);
    }

    /**
     * Parses and validates a textual value.
     *
     * @param text the value as text
     * @return the typed value ({@link Integer}, {@link Boolean} or {@link String})
     * @throws IllegalArgumentException if the text is malformed or not allowed
     */
    public Object parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        switch (type) {
            case INT:
                try {
                    String lower = t.toLowerCase(Locale.ROOT);
                    return validate(
                            lower.startsWith("0x")
                                    ? Integer.parseInt(lower.substring(2), 16)
                                    : Integer.parseInt(lower));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ": not an integer: " + text, e);
                }
            case BOOLEAN:
                if (t.equals("true") || t.equals("1")) {
                    return Boolean.TRUE;
                }
                if (t.equals("false") || t.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException(name + ": not a boolean: " + text);
            default:
                return validate(t);
        }
    }

    /**
     * Validates a typed value.
     *
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if it has the wrong type or is not allowed
     */
    public Object validate(Object value) {
        Class<?> expected = type == Type.INT ? Integer.class : type == Type.BOOLEAN ? Boolean.class : String.class;
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(name + ": expected " + type + " but got " + value);
        }
        if (value instanceof Integer) {
            int v = (Integer) value;
            if (min != null && v < min || max != null && v > max) {
                throw new IllegalArgumentException(name + ": " + v + " is outside " + min + ".." + max);
            }
            if (!choices.isEmpty() && !choices.contains(v)) {
                throw new IllegalArgumentException(name + ": " + v + " is not one of " + choices);
            }
        }
        if (pattern != null && !pattern.matcher((String) value).matches()) {
            throw new IllegalArgumentException(name + ": '" + value + "' does not match " + pattern.pattern());
        }
        return value;
    }

    @Override
    public String toString() {
        return "ParameterSpec[" + name + ": " + type + (required() ? ", required" : ", default " + defaultValue)
                + (min != null ? ", " + min + ".." + max : "") + (choices.isEmpty() ? "" : ", one of " + choices)
                + "]";
    }
}
