package io.github.xmppiot.core.thing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A meta tag of a Thing, as registered in a thing registry (XEP-0347 §3.3, {@code str} and {@code num} elements).
 * Names are at most 32 characters without {@code :}, {@code #} or white space; string values at most 128 characters
 * (CHECKLIST 347-16). Predefined names include {@code NAME}, {@code CLASS}, {@code MAN}, {@code MODEL}, {@code SN},
 * {@code KEY} and the location tags.
 *
 * @param name    the tag name
 * @param value   the string value, or the lexical form of the number for numeric tags
 * @param numeric whether this is a numeric ({@code num}) tag
 */
public record MetaTag(String name, String value, boolean numeric) {

    /** Longest tag name. */
    public static final int MAX_NAME_LENGTH = 32;
    /** Longest string value. */
    public static final int MAX_VALUE_LENGTH = 128;

    private static final Pattern BAD_NAME_CHAR = Pattern.compile("[:#\\s]");

    /**
     * Validates the limits of XEP-0347.
     *
     * @throws IllegalArgumentException if a limit is broken or a numeric value is not a number
     */
    public MetaTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("tag name must have 1.." + MAX_NAME_LENGTH + " characters: '" + name + "'");
        }
        if (BAD_NAME_CHAR.matcher(name).find()) {
            throw new IllegalArgumentException("tag name must not contain ':', '#' or white space: '" + name + "'");
        }
        if (numeric) {
            try {
                new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("numeric tag " + name + " is not a number: '" + value + "'", e);
            }
        } else if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("tag " + name + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
    }

    /**
     * A string tag.
     *
     * @param name  the name
     * @param value the value
     * @return the tag
     */
    public static MetaTag string(String name, String value) {
        return new MetaTag(name, value, false);
    }

    /**
     * A numeric tag.
     *
     * @param name  the name
     * @param value the number
     * @return the tag
     */
    public static MetaTag number(String name, BigDecimal value) {
        return new MetaTag(name, value.toPlainString(), true);
    }
}
