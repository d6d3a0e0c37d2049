package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.StringTag;

/**
 * {@code strRange} ({@code min <(=) tag <(=) max}) and {@code strNRange} ({@code tag <(=) min OR tag >(=) max}) of
 * XEP-0347 §3.15. For {@code strNRange} the inclusion flags describe the range, so an included endpoint is excluded
 * from the result.
 *
 * @param negated      true for {@code strNRange}
 * @param name         the tag name
 * @param min          lower endpoint
 * @param minIncluded  whether {@code min} belongs to the range (default true)
 * @param max          upper endpoint
 * @param maxIncluded  whether {@code max} belongs to the range (default true)
 * @since 0.1.0
 */
public record StringRange(
        boolean negated, String name, String min, boolean minIncluded, String max, boolean maxIncluded)
        implements SearchOperator {

    /**
     * Validates the operator.
     *
     * @throws IllegalArgumentException if the name or an endpoint breaks the XEP-0347 §5.2 limits
     */
    public StringRange {
        MetaTags.checkName(name);
        MetaTags.checkStringValue(min);
        MetaTags.checkStringValue(max);
    }

    @Override
    public String elementName() {
        return negated ? "strNRange" : "strRange";
    }

    @Override
    public boolean test(MetaTag tag) {
        if (!(tag instanceof StringTag s) || !s.key().equals(key())) {
            return false;
        }
        int lo = s.value().compareTo(min);
        int hi = s.value().compareTo(max);
        boolean in = (minIncluded ? lo >= 0 : lo > 0) && (maxIncluded ? hi <= 0 : hi < 0);
        return negated != in;
    }
}
