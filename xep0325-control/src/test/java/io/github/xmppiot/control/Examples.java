package io.github.xmppiot.control;

import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.xml.XmlCompare;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Test helper: the copied XEP-0325 examples, split into stanzas. */
final class Examples {

    private Examples() {
    }

    static String text(String file) {
        try (InputStream in = Examples.class.getResourceAsStream("/xep-examples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level stanzas of an example as DOM elements. */
    static List<Element> stanzaElements(String file) {
        Element root = XmlCompare.parse("<examples xmlns='jabber:client'>" + text(file) + "</examples>");
        List<Element> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first element child of an element. */
    static Element payload(Element stanza) {
        for (Node n = stanza.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("no payload in " + stanza.getLocalName());
    }

    static String xml(Element e) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(w));
            return w.toString();
        } catch (TransformerException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Parses every stanza of an example with Smack. */
    static List<Stanza> stanzas(String file) throws Exception {
        ControlProviders.register();
        List<Stanza> out = new ArrayList<>();
        for (Element e : stanzaElements(file)) {
            out.add(PacketParserUtils.parseStanza(xml(e)));
        }
        return out;
    }

    /** The payload of a stanza without the xml:lang attribute (a request's language choice is not retained). */
    static String payloadWithoutLang(Element stanza) {
        Element p = payload(stanza);
        p.removeAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        return xml(p);
    }

    static List<String> files() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 28; i++) {
            String base = String.format("xep-0325-example-%02d", i);
            out.add(Examples.class.getResource("/xep-examples/" + base + "-fixed.xml") != null ? base + "-fixed.xml"
                    : base + ".xml");
        }
        return out;
    }
}
