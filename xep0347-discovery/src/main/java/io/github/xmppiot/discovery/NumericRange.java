package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.value.DoubleValue;

/**
 * {@code numRange} ({@code min <(=) tag <(=) max}) and {@code numNRange} ({@code tag <(=) min OR tag >(=) max}) of
 * XEP-0347 §3.15, with xs:double endpoints. For {@code numNRange} the inclusion flags describe the range, so an
 * included endpoint is excluded from the result.
 *
 * @param negated      true for {@code numNRange}
 * @param name         the tag name
 * @param min          lower endpoint, xs:double lexical form
 * @param minIncluded  whether {@code min} belongs to the range (default true)
 * @param max          upper endpoint, xs:double lexical form
 * @param maxIncluded  whether {@code max} belongs to the range (default true)
 * @since 0.1.0
 */
public record NumericRange(
        boolean negated, String name, String min, boolean minIncluded, String max, boolean maxIncluded)
        implements SearchOperator {

    /**
     * Validates the operator.
     *
     * @throws IllegalArgumentException if the name breaks the XEP-0347 §5.2 limits or an endpoint is not an xs:double
     */
    public NumericRange {
        MetaTags.checkName(name);
        min = MetaTags.checkNumber(min, "min of " + name);
        max = MetaTags.checkNumber(max, "max of " + name);
    }

    /**
     * The lower endpoint as a double.
     *
     * @return the value; {@code -0} becomes {@code 0}
     */
    public double minValue() {
        return DoubleValue.parse(min).value() + 0.0;
    }

    /**
     * The upper endpoint as a double.
     *
     * @return the value; {@code -0} becomes {@code 0}
     */
    public double maxValue() {
        return DoubleValue.parse(max).value() + 0.0;
    }

    @Override
    public String elementName() {
        return negated ? "numNRange" : "numRange";
    }

    @Override
    public boolean test(MetaTag tag) {
        if (!(tag instanceof NumericTag n) || !n.key().equals(key())) {
            return false;
        }
        double v = n.doubleValue();
        boolean in =
                (minIncluded ? v >= minValue() : v > minValue()) && (maxIncluded ? v <= maxValue() : v < maxValue());
        return negated != in;
    }
}
