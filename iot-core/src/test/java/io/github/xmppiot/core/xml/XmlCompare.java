package io.github.xmppiot.core.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Compares two XML fragments as XML, not as strings: namespaces are compared by URI (prefixes and declarations are
 * ignored), attributes as unordered sets, whitespace-only text between elements is ignored and text content is
 * compared trimmed. Child elements are compared in order.
 *
 * @since 0.1.0
 */
public final class XmlCompare {

    private XmlCompare() {}

    /**
     * Describes the first difference between two XML fragments.
     *
     * @param expected the expected XML (one root element)
     * @param actual   the actual XML (one root element)
     * @return a description of the first difference, empty if equivalent
     * @throws IllegalArgumentException if either is not well-formed
     */
    public static Optional<String> difference(String expected, String actual) {
        return diff(parse(expected), parse(actual), "/");
    }

    /**
     * Whether two XML fragments are equivalent.
     *
     * @param expected the expected XML
     * @param actual   the actual XML
     * @return true if {@link #difference} finds none
     */
    public static boolean equivalent(String expected, String actual) {
        return difference(expected, actual).isEmpty();
    }

    /**
     * Parses a fragment into a namespace-aware DOM element, with external entities disabled.
     *
     * @param xml the XML text
     * @return the root element
     * @throws IllegalArgumentException if not well-formed
     */
    public static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Optional<String> diff(Element e, Element a, String path) {
        String here = path + e.getLocalName();
        if (!e.getLocalName().equals(a.getLocalName()) || !same(e.getNamespaceURI(), a.getNamespaceURI())) {
            return Optional.of(here + ": expected <" + e.getLocalName() + " xmlns='" + e.getNamespaceURI()
                    + "'> but was <" + a.getLocalName() + " xmlns='" + a.getNamespaceURI() + "'>");
        }
        Map<String, String> ea = attributes(e);
        Map<String, String> aa = attributes(a);
        if (!ea.equals(aa)) {
            return Optional.of(here + ": attributes differ: expected " + ea + " but was " + aa);
        }
        Node ec = firstSignificant(e.getFirstChild());
        Node ac = firstSignificant(a.getFirstChild());
        int index = 0;
        while (ec != null || ac != null) {
            if (ec == null || ac == null) {
                return Optional.of(
                        here + ": " + (ec == null ? "unexpected extra " : "missing ") + describe(ec == null ? ac : ec));
            }
            if (ec.getNodeType() != ac.getNodeType()) {
                return Optional.of(here + ": expected " + describe(ec) + " but was " + describe(ac));
            }
            if (ec instanceof Element ee) {
                Optional<String> d = diff(ee, (Element) ac, here + "[" + index + "]/");
                if (d.isPresent()) {
                    return d;
                }
            } else if (!ec.getTextContent().trim().equals(ac.getTextContent().trim())) {
                return Optional.of(
                        here + ": text expected '" + ec.getTextContent().trim() + "' but was '"
                                + ac.getTextContent().trim() + "'");
            }
            ec = firstSignificant(ec.getNextSibling());
            ac = firstSignificant(ac.getNextSibling());
            index++;
        }
        return Optional.empty();
    }

    private static Node firstSignificant(Node n) {
        while (n != null
                && (n.getNodeType() == Node.COMMENT_NODE
                        || n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE
                        || (n.getNodeType() == Node.TEXT_NODE
                                && n.getTextContent().isBlank()))) {
            n = n.getNextSibling();
        }
        return n;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> m = new TreeMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node n = attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(n.getNamespaceURI())) {
                continue;
            }
            String key =
                    n.getNamespaceURI() == null ? n.getLocalName() : "{" + n.getNamespaceURI() + "}" + n.getLocalName();
            m.put(key, n.getNodeValue());
        }
        return m;
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a).equals(b == null ? "" : b);
    }

    private static String describe(Node n) {
        return n instanceof Element el
                ? "<" + el.getLocalName() + "/>"
                : "text '" + n.getTextContent().trim() + "'";
    }
}
