package io.github.xmppiot.discovery.element;

import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import io.github.xmppiot.discovery.StringRange;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;

/**
 * {@code search}: finds claimed public Things whose tags satisfy all operators (XEP-0347 §3.15), one page at a time.
 * Sent as IQ {@code get}; answered with {@link Found}.
 *
 * @since 0.1.0
 */
public final class Search extends IQ {

    /** Element name. */
    public static final String ELEMENT = "search";
    /** Namespace of XEP-0347. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private final List<SearchOperator> operators;
    private final int offset;
    private final Integer maxCount;

    /**
     * Creates the request.
     *
     * @param operators the operators, combined with AND; at least one
     * @param offset    number of things to skip, at least 0
     * @param maxCount  largest number of things wanted (at least 1), or null to let the registry decide
     * @throws IllegalArgumentException if there is no operator, {@code offset} is negative or {@code maxCount} is not
     *                                  positive
     */
    public Search(List<? extends SearchOperator> operators, int offset, Integer maxCount) {
        super(ELEMENT, NAMESPACE);
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one operator");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (maxCount != null && maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be positive");
        }
        this.operators = List.copyOf(operators);
        this.offset = offset;
        this.maxCount = maxCount;
        setType(Type.get);
    }

    /** @return the operators, in document order */
    public List<SearchOperator> operators() {
        return operators;
    }

    /** @return the number of things to skip */
    public int offset() {
        return offset;
    }

    /** @return the largest number of things wanted, if given */
    public Optional<Integer> maxCount() {
        return Optional.ofNullable(maxCount);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("offset", offset);
        xml.optAttribute("maxCount", maxCount == null ? null : maxCount.toString());
        xml.rightAngleBracket();
        for (SearchOperator op : operators) {
            xml.halfOpenElement(op.elementName());
            xml.attribute("name", op.name());
            if (op instanceof StringComparison s) {
                xml.attribute("value", s.value());
            } else if (op instanceof NumericComparison n) {
                xml.attribute("value", n.value());
            } else if (op instanceof StringMask m) {
                xml.attribute("value", m.value());
                xml.attribute("wildcard", m.wildcard());
            } else if (op instanceof StringRange r) {
                range(xml, r.min(), r.minIncluded(), r.max(), r.maxIncluded());
            } else if (op instanceof NumericRange r) {
                range(xml, r.min(), r.minIncluded(), r.max(), r.maxIncluded());
            }
            xml.closeEmptyElement();
        }
        return xml;
    }

    private static void range(
            IQChildElementXmlStringBuilder xml, String min, boolean minIn, String max, boolean maxIn) {
        xml.attribute("min", min);
        xml.attribute("minIncluded", minIn);
        xml.attribute("max", max);
        xml.attribute("maxIncluded", maxIn);
    }
}
