package io.github.xmppiot.core.meta;

import java.util.Locale;

/**
 * A meta tag describing a Thing in the registry (XEP-0347 §3.6 "Registering Thing", §5.2 "Meta Tags"): a string tag
 * ({@code <str/>}) or a numeric tag ({@code <num/>}). The kind matters for comparisons in searches. Tag names are
 * case-insensitive; {@link #key()} gives the normalised (upper-case) name registries compare.
 *
 * @since 0.1.0
 */
public sealed interface MetaTag permits StringTag, NumericTag {

    /**
     * The tag name as given.
     *
     * @return the name, at most 32 characters, without {@code :}, {@code #} or white space
     */
    String name();

    /**
     * The value in its lexical form ({@code value} attribute).
     *
     * @return the string value, or the xs:double lexical form of a numeric tag
     */
    String lexicalValue();

    /**
     * The name in the form registries compare (XEP-0347 §5.2: tag names are case-insensitive).
     *
     * @return the upper-case name
     */
    default String key() {
        return name().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether this is the reserved {@code KEY} tag (XEP-0347 §6.5 "KEY tag"), never returned by searches.
     *
     * @return true for {@code KEY} in any case
     */
    default boolean isKey() {
        return MetaTags.KEY.equals(key());
    }

    /**
     * A string tag.
     *
     * @param name  the name
     * @param value the value, at most 128 characters
     * @return the tag
     * @throws IllegalArgumentException if the name or value breaks the XEP-0347 §5.2 limits
     */
    static StringTag str(String name, String value) {
        return new StringTag(name, value);
    }

    /**
     * A numeric tag.
     *
     * @param name    the name
     * @param lexical the xs:double lexical form
     * @return the tag
     * @throws IllegalArgumentException if the name breaks the XEP-0347 §5.2 limits or the value is not a number
     */
    static NumericTag num(String name, String lexical) {
        return new NumericTag(name, lexical);
    }
}
