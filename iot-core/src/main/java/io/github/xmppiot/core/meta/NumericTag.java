package io.github.xmppiot.core.meta;

import io.github.xmppiot.core.value.DoubleValue;

/**
 * A numeric meta tag, {@code <num name='..' value='..'/>} (XEP-0347 §3.6, §5.2), value of type xs:double. The lexical
 * form is kept as given (so {@code 1.20} round-trips); comparisons use {@link #doubleValue()}. {@code NaN} is refused:
 * it cannot be ordered, so it could never be found by a numeric search.
 *
 * @param name    the name (XEP-0347 §5.2 limits)
 * @param lexical the xs:double lexical form, e.g. {@code 1.2}, {@code -71.519722}, {@code 1e3}, {@code INF}
 * @since 0.1.0
 */
public record NumericTag(String name, String lexical) implements MetaTag {

    /**
     * Validates the tag.
     *
     * @throws IllegalArgumentException if the name breaks the XEP-0347 §5.2 limits, the name is a predefined string tag,
     *                                  or the value is not an xs:double (or is NaN)
     */
    public NumericTag {
        MetaTags.checkName(name);
        lexical = MetaTags.checkNumber(lexical, "value of " + name);
        if (MetaTags.isPredefinedString(name)) {
            throw new IllegalArgumentException("meta tag " + name + " is predefined as a string");
        }
    }

    /**
     * A numeric tag from a Java number.
     *
     * @param name  the name
     * @param value a finite number
     * @return the tag
     */
    public static NumericTag of(String name, double value) {
        return new NumericTag(name, new DoubleValue(value).lexical());
    }

    /**
     * The value as a double.
     *
     * @return the value; {@code INF} and {@code -INF} become infinities, {@code -0} becomes {@code 0}
     */
    public double doubleValue() {
        return DoubleValue.parse(lexical).value() + 0.0;
    }

    @Override
    public String lexicalValue() {
        return lexical;
    }
}
