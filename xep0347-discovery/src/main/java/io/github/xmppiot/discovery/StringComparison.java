package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.StringTag;
import java.util.Objects;

/**
 * {@code strEq}, {@code strNEq}, {@code strGt}, {@code strGtEq}, {@code strLt} and {@code strLtEq} (XEP-0347 §3.15):
 * compares a string tag with a constant.
 *
 * @param comparison the comparison
 * @param name       the tag name
 * @param value      the constant
 * @since 0.1.0
 */
public record StringComparison(Comparison comparison, String name, String value) implements SearchOperator {

    /**
     * Validates the operator.
     *
     * @throws IllegalArgumentException if the name or value breaks the XEP-0347 §5.2 limits
     */
    public StringComparison {
        Objects.requireNonNull(comparison, "comparison");
        MetaTags.checkName(name);
        MetaTags.checkStringValue(value);
    }

    @Override
    public String elementName() {
        return "str" + comparison.suffix();
    }

    @Override
    public boolean test(MetaTag tag) {
        return tag instanceof StringTag s
                && s.key().equals(key())
                && comparison.holds(s.value().compareTo(value));
    }
}
