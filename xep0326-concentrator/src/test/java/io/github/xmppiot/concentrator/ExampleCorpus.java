package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The XEP-0326 examples copied into the test resources, parsed as stanzas. */
final class ExampleCorpus {

    static final String NS = "urn:xmpp:iot:concentrators";

    private ExampleCorpus() {
    }

    static {
        ConcentratorProviders.register();
    }

    /** @return every example file, the {@code -fixed} copy replacing a malformed original */
    static List<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(ExampleCorpus.class.getResource("/xep-examples/examples.tsv").toURI()).getParent();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith("xep-0326-example-") || n.endsWith("-fixed.xml")) {
                    continue;
                }
                Path fixed = dir.resolve(n.replace(".xml", "-fixed.xml"));
                out.add(Files.exists(fixed) ? fixed : p);
            }
        }
        return out;
    }

    /** The example wrapped in one root; lines holding only the XEP's {@code ...} elision are dropped. */
    static String wrapped(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^\\s*\\.\\.\\.\\s*$", "");
        return "<stanzas xmlns='jabber:client'>" + text + "</stanzas>";
    }

    /** Parses every top-level stanza of an example. */
    static List<Stanza> stanzas(Path file) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(wrapped(file));
        int depth = parser.getDepth();
        List<Stanza> out = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return out;
            }
            if (e == XmlPullParser.Event.START_ELEMENT) {
                out.add(PacketParserUtils.parseStanza(parser, org.jivesoftware.smack.packet.XmlEnvironment.EMPTY));
            }
        }
    }

    /** The XEP-0326 payload elements (children of each stanza in the 0326 namespace), serialised. */
    static List<String> payloads(String stanzasXml) {
        return payloads(stanzasXml, true);
    }

    /** The payloads; forms are passed through Smack's form provider and serialiser only if {@code normalise}. */
    static List<String> payloads(String stanzasXml, boolean normalise) {
        Element root = io.github.xmppiot.core.xml.XmlCompare.parse(stanzasXml);
        List<String> out = new ArrayList<>();
        List<Element> stanzas = new ArrayList<>();
        if (root.getLocalName().equals("stanzas")) {
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el) {
                    stanzas.add(el);
                }
            }
        } else {
            stanzas.add(root);
        }
        for (Element s : stanzas) {
            for (Node n = s.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el && NS.equals(el.getNamespaceURI())) {
                    stripElisions(el);
                    if (normalise) {
                        normaliseForms(el);
                    }
                    out.add(serialise(el));
                }
            }
        }
        return out;
    }

    /** Removes the {@code ...} elision text the XEP writes between elements. */
    private static void stripElisions(Node n) {
        for (Node c = n.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.TEXT_NODE && c.getTextContent().strip().equals("...") && n.getChildNodes().getLength() > 1) {
                n.removeChild(c);
            } else {
                stripElisions(c);
            }
            c = next;
        }
    }

    /**
     * Replaces each data form by Smack's own serialisation of it: Smack omits field types that are implied and writes
     * the XEP-0141 layout after the fields, so forms are compared after one pass through Smack's form provider.
     */
    private static void normaliseForms(Element el) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element x && "x".equals(x.getLocalName()) && "jabber:x:data".equals(x.getNamespaceURI())) {
                try {
                    var form = org.jivesoftware.smackx.xdata.provider.DataFormProvider.INSTANCE
                            .parse(PacketParserUtils.getParserFor(serialise(x)));
                    Element smack = io.github.xmppiot.core.xml.XmlCompare.parse(form.toXML().toString());
                    Node imported = el.getOwnerDocument().importNode(smack, true);
                    el.replaceChild(imported, x);
                    c = imported;
                } catch (Exception e) {
                    throw new IllegalStateException("form does not parse: " + e, e);
                }
            }
        }
    }

    static String serialise(Element el) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(el), new StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
