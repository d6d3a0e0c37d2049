package io.github.xmppiot.provisioning;

import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.internal.ProvisioningProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Loads the XEP-0324 examples copied into {@code src/test/resources/xep-examples} and parses them with Smack. */
public final class XepExamples {

    static {
        ProvisioningProviders.register();
    }

    private XepExamples() {
    }

    /**
     * The text of example {@code n}, wrapped in a {@code jabber:client} root as on a real stream.
     *
     * @param n example number
     * @return the wrapped XML
     */
    public static String wrapped(int n) {
        String name = String.format("/xep-examples/xep-0324-example-%02d.xml", n);
        try (InputStream in = XepExamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return "<stream xmlns='jabber:client'>" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "</stream>";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses every top-level stanza of example {@code n} with Smack. A stanza Smack refuses (only the {@code from}
     * starting with a newline in example 9, CHECKLIST §9.2.5, which a real server would never deliver) is returned
     * as {@code null}.
     *
     * @param n example number
     * @return the stanzas, in order
     * @throws Exception on XML errors
     */
    public static List<Stanza> stanzas(int n) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(wrapped(n));
        List<Stanza> out = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_DOCUMENT) {
                return out;
            }
            if (e == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == 2) {
                try {
                    out.add(PacketParserUtils.parseStanza(parser, XmlEnvironment.EMPTY));
                } catch (org.jxmpp.stringprep.XmppStringprepException invalidJid) {
                    out.add(null);
                    while (parser.getEventType() != XmlPullParser.Event.END_ELEMENT || parser.getDepth() != 2) {
                        parser.next();
                    }
                }
            }
        }
    }

    /**
     * Parses one stanza given as text.
     *
     * @param xml the stanza
     * @return the stanza
     * @throws Exception if Smack cannot parse it
     */
    public static Stanza parse(String xml) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor("<stream xmlns='jabber:client'>" + xml + "</stream>");
        while (parser.next() != XmlPullParser.Event.START_ELEMENT || parser.getDepth() != 2) {
            // advance to the stanza
        }
        return PacketParserUtils.parseStanza(parser, XmlEnvironment.EMPTY);
    }

    /**
     * The XEP-0324 payload elements of example {@code n} (children of stanzas in {@code urn:xmpp:iot:provisioning},
     * plus the namespace-less {@code downloadPrivilegesResponse} of example 24), serialised as they were published.
     *
     * @param n example number
     * @return payload XML strings, in document order
     */
    public static List<String> payloads(int n) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(wrapped(n))));
            List<String> out = new ArrayList<>();
            NodeList stanzas = doc.getDocumentElement().getChildNodes();
            for (int i = 0; i < stanzas.getLength(); i++) {
                if (!(stanzas.item(i) instanceof Element stanza)) {
                    continue;
                }
                for (Node c = stanza.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element payload && (ProvisioningIq.NAMESPACE.equals(payload.getNamespaceURI())
                            || payload.getLocalName().equals("downloadPrivilegesResponse"))) {
                        out.add(serialise(payload));
                    }
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialise(Element e) throws Exception {
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter w = new StringWriter();
        t.transform(new DOMSource(e), new StreamResult(w));
        return w.toString();
    }
}
