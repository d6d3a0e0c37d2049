package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import io.github.xmppiot.discovery.StringRange;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Reads the 17 search operators of XEP-0347 §3.15. */
public final class OperatorXml {

    private OperatorXml() {}

    /**
     * Reads the operator on the current start tag (attributes only; the caller skips the element).
     *
     * @return the operator, or null if the element is not an operator
     */
    public static SearchOperator read(XmlPullParser parser) throws IotParseException {
        String element = parser.getName();
        try {
            switch (element) {
                case "strMask":
                    return new StringMask(name(parser), req(parser, "value"), req(parser, "wildcard"));
                case "strRange":
                case "strNRange":
                    return new StringRange(
                            element.startsWith("strN"),
                            name(parser),
                            req(parser, "min"),
                            IotXml.booleanAttribute(parser, "minIncluded", true),
                            req(parser, "max"),
                            IotXml.booleanAttribute(parser, "maxIncluded", true));
                case "numRange":
                case "numNRange":
                    return new NumericRange(
                            element.startsWith("numN"),
                            name(parser),
                            req(parser, "min"),
                            IotXml.booleanAttribute(parser, "minIncluded", true),
                            req(parser, "max"),
                            IotXml.booleanAttribute(parser, "maxIncluded", true));
                default:
                    return comparison(parser, element);
            }
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("<" + element + "/>", e);
        }
    }

    private static SearchOperator comparison(XmlPullParser parser, String element) throws IotParseException {
        if (element.length() < 4) {
            return null;
        }
        Comparison c = Comparison.ofSuffix(element.substring(3));
        if (c == null) {
            return null;
        }
        if (element.startsWith("str")) {
            return new StringComparison(c, name(parser), req(parser, "value"));
        }
        if (element.startsWith("num")) {
            return new NumericComparison(c, name(parser), req(parser, "value"));
        }
        return null;
    }

    private static String name(XmlPullParser parser) throws IotParseException {
        return req(parser, "name");
    }

    private static String req(XmlPullParser parser, String attribute) throws IotParseException {
        return IotXml.requiredAttribute(parser, attribute);
    }
}
