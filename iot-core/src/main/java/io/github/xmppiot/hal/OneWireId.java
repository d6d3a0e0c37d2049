package io.github.xmppiot.hal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a 1-Wire slave as the Linux w1 subsystem names it: family code, a dash and the 48-bit serial number,
 * in lower-case hexadecimal, for example {@code 28-0316a2792aff} (family 0x28 is the DS18B20).
 *
 * @param value the identity, normalised to lower case
 * @since 0.1.0
 */
public record OneWireId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{12}");

    /**
     * Validates and normalises the identity.
     *
     * @throws IllegalArgumentException if it is not of the form {@code ff-ssssssssssss}
     */
    public OneWireId {
        Objects.requireNonNull(value, "value");
        value = value.toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a 1-Wire id (ff-ssssssssssss): " + value);
        }
    }

    /**
     * Parses an identity.
     *
     * @param value the identity, for example {@code 28-0316a2792aff}
     * @return the identity
     */
    public static OneWireId of(String value) {
        return new OneWireId(value);
    }

    /**
     * The family code (first byte of the ROM code).
     *
     * @return the family code, 0 to 255
     */
    public int family() {
        return Integer.parseInt(value.substring(0, 2), 16);
    }

    @Override
    public String toString() {
        return value;
    }
}
