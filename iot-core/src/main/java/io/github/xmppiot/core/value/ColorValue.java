package io.github.xmppiot.core.value;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour (XEP-0325 §3.2 {@code color}): {@code RRGGBB} or {@code RRGGBBAA} in hexadecimal. Input is
 * case-insensitive; output is upper case as in the XEP's examples.
 *
 * @param hex the six or eight hexadecimal digits, normalised to upper case
 * @since 0.1.0
 */
public record ColorValue(String hex) implements Value {

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?");

    /**
     * Validates the digits.
     *
     * @throws IllegalArgumentException if not six or eight hexadecimal digits
     */
    public ColorValue {
        String s = hex == null ? "" : hex.strip();
        if (!HEX.matcher(s).matches()) {
            throw new IllegalArgumentException(
                    "not a colour (RRGGBB or RRGGBBAA hex): '" + Values.abbreviate(hex) + "'");
        }
        hex = s.toUpperCase(Locale.ROOT);
    }

    /**
     * Parses {@code RRGGBB} or {@code RRGGBBAA}.
     *
     * @param lexical the hex digits
     * @return the colour
     */
    public static ColorValue parse(String lexical) {
        return new ColorValue(lexical);
    }

    /**
     * An opaque colour from its components.
     *
     * @param red   0..255
     * @param green 0..255
     * @param blue  0..255
     * @return the colour, without an alpha part
     */
    public static ColorValue rgb(int red, int green, int blue) {
        return new ColorValue(String.format(Locale.ROOT, "%02X%02X%02X", check(red), check(green), check(blue)));
    }

    /**
     * A colour with an alpha channel.
     *
     * @param red   0..255
     * @param green 0..255
     * @param blue  0..255
     * @param alpha 0..255
     * @return the colour, with an alpha part
     */
    public static ColorValue rgba(int red, int green, int blue, int alpha) {
        return new ColorValue(
                String.format(Locale.ROOT, "%02X%02X%02X%02X", check(red), check(green), check(blue), check(alpha)));
    }

    /** @return the red component, 0..255 */
    public int red() {
        return component(0);
    }

    /** @return the green component, 0..255 */
    public int green() {
        return component(2);
    }

    /** @return the blue component, 0..255 */
    public int blue() {
        return component(4);
    }

    /** @return whether an alpha component was given */
    public boolean hasAlpha() {
        return hex.length() == 8;
    }

    /** @return the alpha component, 0..255; 255 (opaque) when absent */
    public int alpha() {
        return hasAlpha() ? component(6) : 255;
    }

    private int component(int offset) {
        return Integer.parseInt(hex, offset, offset + 2, 16);
    }

    private static int check(int c) {
        if (c < 0 || c > 255) {
            throw new IllegalArgumentException("colour component out of range 0..255: " + c);
        }
        return c;
    }

    @Override
    public ValueType type() {
        return ValueType.COLOR;
    }

    @Override
    public String lexical() {
        return hex;
    }
}
