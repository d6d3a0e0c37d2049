package io.github.xmppiot.testkit;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.StringUtils;
import org.jxmpp.jid.Jid;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Stanzas that carry a payload exactly as written, whether or not it is valid for its XEP: for tests that send what a
 * hostile or buggy peer would send. The payload must be well-formed XML (the server would close the sender's stream
 * otherwise).
 */
public final class RawStanzas {

    private RawStanzas() {}

    /**
     * An IQ carrying the payload.
     *
     * @param payloadXml the payload element with its namespace declared
     * @param type       the IQ type
     * @param to         the addressee
     * @return the IQ, with a fresh stanza id
     * @throws IllegalArgumentException if the payload is not XML
     */
    public static IQ iq(String payloadXml, IQ.Type type, Jid to) {
        Element root = XepExamples.parse(payloadXml);
        RawIq iq = new RawIq(root);
        iq.setType(type);
        iq.setTo(to);
        return iq;
    }

    /**
     * A message of type normal carrying the payload.
     *
     * @param payloadXml the payload element with its namespace declared
     * @param to         the addressee
     * @return the message
     * @throws IllegalArgumentException if the payload is not XML
     */
    public static Message message(String payloadXml, Jid to) {
        Element root = XepExamples.parse(payloadXml);
        MessageBuilder b = StanzaBuilder.buildMessage().to(to);
        b.addExtension(element(root.getLocalName(), root.getNamespaceURI(), payloadXml));
        return b.build();
    }

    /**
     * An extension element written as it is.
     *
     * @param element   its element name
     * @param namespace its namespace
     * @param xml       the whole element
     * @return the extension element
     */
    public static ExtensionElement element(String element, String namespace, String xml) {
        return new ExtensionElement() {
            @Override
            public String getNamespace() {
                return namespace;
            }

            @Override
            public String getElementName() {
                return element;
            }

            @Override
            public CharSequence toXML(XmlEnvironment enclosingNamespace) {
                return xml;
            }
        };
    }

    /** An IQ whose child element has the payload's name, namespace, attributes and content. */
    private static final class RawIq extends IQ {
        private final List<String[]> attributes = new ArrayList<>();
        private final String inner;

        RawIq(Element root) {
            super(root.getLocalName(), root.getNamespaceURI());
            NamedNodeMap map = root.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Attr a = (Attr) map.item(i);
                if (!"xmlns".equals(a.getName())) {
                    attributes.add(new String[] {a.getName(), a.getValue()});
                }
            }
            StringBuilder sb = new StringBuilder();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    sb.append(XepExamples.serialize(e));
                } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    sb.append(StringUtils.escapeForXmlText(n.getNodeValue()));
                }
            }
            inner = sb.toString();
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            for (String[] a : attributes) {
                xml.attribute(a[0], a[1]);
            }
            if (inner.isEmpty()) {
                xml.setEmptyElement();
            } else {
                xml.rightAngleBracket();
                xml.append(inner);
            }
            return xml;
        }
    }
}
