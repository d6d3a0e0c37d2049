package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.value.DoubleValue;
import java.util.Objects;

/**
 * {@code numEq}, {@code numNEq}, {@code numGt}, {@code numGtEq}, {@code numLt} and {@code numLtEq} (XEP-0347 §3.15):
 * compares a numeric tag with an xs:double constant.
 *
 * @param comparison the comparison
 * @param name       the tag name
 * @param value      the constant's xs:double lexical form
 * @since 0.1.0
 */
public record NumericComparison(Comparison comparison, String name, String value) implements SearchOperator {

    /**
     * Validates the operator.
     *
     * @throws IllegalArgumentException if the name breaks the XEP-0347 §5.2 limits or the value is not an xs:double
     */
    public NumericComparison {
        Objects.requireNonNull(comparison, "comparison");
        MetaTags.checkName(name);
        value = MetaTags.checkNumber(value, "value of " + name);
    }

    /**
     * The constant as a double.
     *
     * @return the value; {@code -0} becomes {@code 0}
     */
    public double doubleValue() {
        return DoubleValue.parse(value).value() + 0.0;
    }

    @Override
    public String elementName() {
        return "num" + comparison.suffix();
    }

    @Override
    public boolean test(MetaTag tag) {
        return tag instanceof NumericTag n
                && n.key().equals(key())
                && comparison.holds(Double.compare(n.doubleValue(), doubleValue()));
    }
}
