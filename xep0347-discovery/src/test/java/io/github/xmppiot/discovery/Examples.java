package io.github.xmppiot.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import io.github.xmppiot.core.xml.XmlCompare;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the XEP-0347 examples from the test resources. */
final class Examples {

    private Examples() {
    }

    static String text(int number) {
        String name = String.format("/xep-examples/xep-0347-example-%02d.xml", number);
        try (InputStream in = Examples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level elements of an example (examples may hold several stanzas). */
    static List<Element> elements(int number) {
        Element root = XmlCompare.parse("<examples>" + text(number) + "</examples>");
        List<Element> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element firstChild(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                return c;
            }
        }
        return null;
    }

    static String serialize(Node node) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
