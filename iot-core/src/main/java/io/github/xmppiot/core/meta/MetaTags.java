package io.github.xmppiot.core.meta;

import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The predefined meta tags and the limits of XEP-0347 §5.2 "Meta Tags": names at most {@value #MAX_NAME_LENGTH}
 * characters without {@code :}, {@code #} or white space, string values at most {@value #MAX_VALUE_LENGTH} characters.
 *
 * @since 0.1.0
 */
public final class MetaTags {

    /** Longest tag name, in characters (XEP-0347 §5.2). */
    public static final int MAX_NAME_LENGTH = 32;
    /** Longest string tag value, in characters (XEP-0347 §5.2). */
    public static final int MAX_VALUE_LENGTH = 128;

    /** Altitude (meters), numeric. */
    public static final String ALT = "ALT";
    /** Apartment associated with the Thing. */
    public static final String APT = "APT";
    /** Area associated with the Thing. */
    public static final String AREA = "AREA";
    /** Building associated with the Thing. */
    public static final String BLD = "BLD";
    /** City associated with the Thing. */
    public static final String CITY = "CITY";
    /** Class of Thing. */
    public static final String CLASS = "CLASS";
    /** Country associated with the Thing. */
    public static final String COUNTRY = "COUNTRY";
    /** Key shared only by the Thing and its owner; never searchable, never returned (XEP-0347 §5.2, §6.5). */
    public static final String KEY = "KEY";
    /** Latitude (degrees), numeric. */
    public static final String LAT = "LAT";
    /** Longitude (degrees), numeric. */
    public static final String LON = "LON";
    /** Domain name of the manufacturer. */
    public static final String MAN = "MAN";
    /** Meter location ID. */
    public static final String MLOC = "MLOC";
    /** Meter number. */
    public static final String MNR = "MNR";
    /** Name of the model. */
    public static final String MODEL = "MODEL";
    /** Name associated with the Thing. */
    public static final String NAME = "NAME";
    /** URL to product information. */
    public static final String PURL = "PURL";
    /** Region associated with the Thing. */
    public static final String REGION = "REGION";
    /** Room associated with the Thing. */
    public static final String ROOM = "ROOM";
    /** Serial number. */
    public static final String SN = "SN";
    /** Street address. */
    public static final String STREET = "STREET";
    /** Street number. */
    public static final String STREETNR = "STREETNR";
    /** Version number, numeric. */
    public static final String V = "V";

    /** The predefined numeric tags (XEP-0347 §5.2). */
    public static final Set<String> PREDEFINED_NUMERIC = Set.of(ALT, LAT, LON, V);
    /** The predefined string tags (XEP-0347 §5.2). */
    public static final Set<String> PREDEFINED_STRING = Set.of(
            APT, AREA, BLD, CITY, CLASS, COUNTRY, KEY, MAN, MLOC, MNR, MODEL, NAME, PURL, REGION, ROOM, SN, STREET,
            STREETNR);

    private MetaTags() {}

    /**
     * Checks a tag name against XEP-0347 §5.2.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if null, empty, longer than 32 characters, or containing {@code :}, {@code #},
     *                                  white space or characters XML cannot carry
     */
    public static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("meta tag name is missing");
        }
        Values.xmlText(name, "meta tag name");
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "meta tag name longer than " + MAX_NAME_LENGTH + " characters (" + length + ")");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':' || c == '#' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException("meta tag name must not contain ':', '#' or white space");
            }
        }
        return name;
    }

    /**
     * Checks a string tag value against XEP-0347 §5.2.
     *
     * @param value the value (empty is allowed)
     * @return the value
     * @throws IllegalArgumentException if null, longer than 128 characters or not representable in XML
     */
    public static String checkStringValue(String value) {
        Values.xmlText(value, "meta tag value");
        int length = value.codePointCount(0, value.length());
        if (length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(
                    "meta tag value longer than " + MAX_VALUE_LENGTH + " characters (" + length + ")");
        }
        return value;
    }

    /**
     * Checks an xs:double lexical form used in a numeric tag or a numeric search operator.
     *
     * @param lexical the lexical form
     * @param what    what it is, for the error message
     * @return the lexical form without surrounding white space
     * @throws IllegalArgumentException if not an xs:double, or NaN
     */
    public static String checkNumber(String lexical, String what) {
        double d;
        try {
            d = DoubleValue.parse(lexical).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        if (Double.isNaN(d)) {
            throw new IllegalArgumentException(what + ": NaN is not comparable");
        }
        return lexical.strip();
    }

    /**
     * Whether a name is one of the predefined numeric tags ({@code ALT}, {@code LAT}, {@code LON}, {@code V}).
     *
     * @param name a tag name, any case
     * @return true if predefined numeric
     */
    public static boolean isPredefinedNumeric(String name) {
        return PREDEFINED_NUMERIC.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a name is one of the predefined string tags.
     *
     * @param name a tag name, any case
     * @return true if predefined string
     */
    public static boolean isPredefinedString(String name) {
        return PREDEFINED_STRING.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Checks that no tag name occurs twice (names compared case-insensitively, XEP-0347 §5.2).
     *
     * @param tags the tags
     * @return an immutable copy
     * @throws IllegalArgumentException on a duplicate name
     */
    public static List<MetaTag> checkUnique(Collection<? extends MetaTag> tags) {
        Set<String> seen = new HashSet<>();
        for (MetaTag t : tags) {
            if (!seen.add(t.key())) {
                throw new IllegalArgumentException("meta tag " + t.key() + " given twice");
            }
        }
        return List.copyOf(tags);
    }

    /**
     * The tags without the {@code KEY} tag (what searches may return, XEP-0347 §3.15).
     *
     * @param tags the tags
     * @return the tags other than {@code KEY}, in order
     */
    public static List<MetaTag> withoutKey(Collection<? extends MetaTag> tags) {
        List<MetaTag> out = new ArrayList<>(tags.size());
        for (MetaTag t : tags) {
            if (!t.isKey()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
