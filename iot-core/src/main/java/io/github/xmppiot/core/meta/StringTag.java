package io.github.xmppiot.core.meta;

/**
 * A string meta tag, {@code <str name='..' value='..'/>} (XEP-0347 §3.6, §5.2). In an {@code update} an empty value
 * removes the tag (XEP-0347 §3.13).
 *
 * @param name  the name (XEP-0347 §5.2 limits: at most 32 characters, no {@code :}, {@code #} or white space)
 * @param value the value, at most 128 characters, never null
 * @since 0.1.0
 */
public record StringTag(String name, String value) implements MetaTag {

    /**
     * Validates the tag.
     *
     * @throws IllegalArgumentException if the name or value breaks the XEP-0347 §5.2 limits, or the name is one of the
     *                                  predefined numeric tags
     */
    public StringTag {
        MetaTags.checkName(name);
        MetaTags.checkStringValue(value);
        if (MetaTags.isPredefinedNumeric(name)) {
            throw new IllegalArgumentException("meta tag " + name + " is predefined as numeric");
        }
    }

    @Override
    public String lexicalValue() {
        return value;
    }
}
