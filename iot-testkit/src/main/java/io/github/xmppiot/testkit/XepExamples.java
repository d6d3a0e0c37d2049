package io.github.xmppiot.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jxmpp.stringprep.XmppStringprepException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The XEP examples a module keeps as test vectors in {@code src/test/resources/xep-examples/} (files named
 * {@code xep-NNNN-example-MM.xml}, copied from the XEP texts; a {@code -fixed.xml} copy corrects an example that is not
 * valid for its own XEP), loaded from the class path, split into stanzas and parsed with Smack, plus the DOM helpers
 * that tests comparing them need. Every module's tests load examples through this class. Providers are not registered
 * here: a test registers its module's providers before it parses stanzas.
 *
 * @since 0.1.0
 */
public final class XepExamples {

    /** The class-path folder of the examples. */
    public static final String FOLDER = "/xep-examples/";

    private static final Pattern NAME = Pattern.compile("xep-(\\d{4})-example-(\\d+)(-fixed)?\\.xml");

    private XepExamples() {}

    /**
     * The file name of an example, preferring its corrected {@code -fixed} copy where the module keeps one.
     *
     * @param xep    the XEP number, e.g. {@code 325}
     * @param number the example number in the XEP
     * @return e.g. {@code xep-0325-example-15-fixed.xml} or {@code xep-0325-example-14.xml}
     * @throws IllegalArgumentException if neither file is on the class path
     */
    public static String file(int xep, int number) {
        String base = String.format("xep-%04d-example-%02d", xep, number);
        if (resource(base + "-fixed.xml") != null) {
            return base + "-fixed.xml";
        }
        if (resource(base + ".xml") == null) {
            throw new IllegalArgumentException("no example " + base + ".xml in " + FOLDER
                    + " on the class path: copy it" + " into src/test/resources" + FOLDER);
        }
        return base + ".xml";
    }

    /**
     * Every example of a XEP in the examples folder, in example-number order, each {@code -fixed} copy in place of its
     * original (a module may keep only the corrected copy of an example).
     *
     * @param xep the XEP number
     * @return the file names
     */
    public static List<String> files(int xep) {
        List<Integer> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder())) {
            for (Path p : s.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) == xep) {
                    found.add(Integer.parseInt(m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER, e);
        }
        return found.stream().distinct().sorted().map(n -> file(xep, n)).toList();
    }

    /**
     * The examples folder of the module under test (its {@code target/test-classes/xep-examples}), for example for
     * {@link StanzaFuzz#samplesIn(Path)}.
     *
     * @return the folder
     * @throws IllegalStateException if there is none, or it is not a folder on disk
     */
    public static Path folder() {
        URL url = XepExamples.class.getResource(FOLDER);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("no folder " + FOLDER + " on the class path (found " + url + "): keep the"
                    + " examples in src/test/resources" + FOLDER);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of an example file.
     *
     * @param file the file name in the examples folder
     * @return the text
     * @throws IllegalArgumentException if there is no such file
     */
    public static String text(String file) {
        try (InputStream in = XepExamples.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + FOLDER + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Wraps the text of one or more stanzas in a {@code <stanzas xmlns='jabber:client'>} root, as on a stream.
     *
     * @param stanzas the stanzas' XML
     * @return one well-formed document, if the stanzas are
     */
    public static String wrap(String stanzas) {
        return "<stanzas xmlns='jabber:client'>" + stanzas + "</stanzas>";
    }

    /**
     * The top-level elements of an example (the stanzas, in the {@code jabber:client} namespace).
     *
     * @param file the file name
     * @return the elements, in document order
     * @throws IllegalArgumentException if the example is not well-formed XML
     */
    public static List<Element> stanzaElements(String file) {
        return children(parse(wrap(text(file))));
    }

    /**
     * Parses every stanza of an example with Smack, with the providers registered in this JVM.
     *
     * @param file the file name
     * @return the stanzas, in order; see {@link #parseStanzas(String)}
     * @throws Exception if Smack cannot parse the XML
     */
    public static List<Stanza> stanzas(String file) throws Exception {
        return parseStanzas(text(file));
    }

    /**
     * Parses every top-level stanza of a text with Smack. A stanza whose address Smack refuses (a JID no server
     * would deliver, such as one starting with a line break) is returned as {@code null}, so that the other stanzas of
     * the example stay usable.
     *
     * @param stanzas the XML of one or more stanzas
     * @return the stanzas, in order
     * @throws Exception if Smack cannot parse the XML
     */
    public static List<Stanza> parseStanzas(String stanzas) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(wrap(stanzas));
        List<Stanza> out = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_DOCUMENT) {
                return out;
            }
            if (e == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == 2) {
                try {
                    out.add(PacketParserUtils.parseStanza(parser, XmlEnvironment.EMPTY));
                } catch (XmppStringprepException invalidJid) {
                    out.add(null);
                    while (parser.getEventType() != XmlPullParser.Event.END_ELEMENT || parser.getDepth() != 2) {
                        parser.next();
                    }
                }
            }
        }
    }

    /**
     * Parses one stanza with Smack.
     *
     * @param stanza the stanza's XML (with or without the {@code jabber:client} namespace)
     * @return the stanza
     * @throws Exception if Smack cannot parse it
     */
    public static Stanza parseStanza(String stanza) throws Exception {
        List<Stanza> all = parseStanzas(stanza);
        if (all.size() != 1 || all.get(0) == null) {
            throw new IllegalArgumentException("not one stanza: " + stanza);
        }
        return all.get(0);
    }

    /**
     * Parses XML into a namespace-aware DOM (no DOCTYPE allowed).
     *
     * @param xml the XML text
     * @return the root element
     * @throws IllegalArgumentException if the text is not well-formed XML
     */
    public static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // fuzzed stanzas nest deeper than JDK 24+'s default limit of 100 elements (jdk.xml.maxElementDepth)
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "0");
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("Not XML: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a DOM node as XML, without an XML declaration; an element keeps the namespace declarations it needs.
     *
     * @param node the node
     * @return its XML
     */
    public static String serialize(Node node) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialize XML", e);
        }
    }

    /**
     * The element children of an element.
     *
     * @param parent the element
     * @return its child elements, in order
     */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The element children of an element in one namespace, such as a stanza's payloads of one XEP.
     *
     * @param parent    the element
     * @param namespace the namespace URI
     * @return the child elements in that namespace, in order
     */
    public static List<Element> children(Element parent, String namespace) {
        return children(parent).stream()
                .filter(e -> namespace.equals(e.getNamespaceURI()))
                .toList();
    }

    /**
     * The first element child, such as a stanza's payload.
     *
     * @param parent the element
     * @return the first child element, or null if there is none
     */
    public static Element firstChild(Element parent) {
        List<Element> all = children(parent);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Removes, throughout a subtree, the {@code ...} text the XEPs write between elements to mark an elision (only
     * where it stands beside other nodes; a value that is literally {@code ...} stays).
     *
     * @param node the root of the subtree
     */
    public static void removeElisions(Node node) {
        for (Node c = node.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.TEXT_NODE
                    && c.getTextContent().strip().equals("...")
                    && node.getChildNodes().getLength() > 1) {
                node.removeChild(c);
            } else {
                removeElisions(c);
            }
            c = next;
        }
    }

    private static URL resource(String file) {
        return XepExamples.class.getResource(FOLDER + file);
    }
}
