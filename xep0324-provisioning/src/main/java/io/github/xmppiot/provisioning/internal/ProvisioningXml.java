package io.github.xmppiot.provisioning.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.provisioning.element.FieldTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** XML helpers shared by the XEP-0324 element classes and providers (not API). */
public final class ProvisioningXml {

    /** The {@code PrivilegeId} type of the XEP-0324 XSD, without its {@code ^…$} bug (CHECKLIST §9.0). */
    public static final Pattern PRIVILEGE_ID = Pattern.compile("[^.]+([.][^.]+)*");

    private ProvisioningXml() {}

    /** Node references and names read from the children of a canRead/canControl-like element. */
    public record Children(List<NodeRef> nodes, List<String> names) {}

    /**
     * Reads a required JID attribute.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the JID
     * @throws IotParseException if absent or not a JID
     */
    public static Jid jid(XmlPullParser parser, String name) throws IotParseException {
        String v = IotXml.requiredAttribute(parser, name);
        try {
            return JidCreate.from(v.strip());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IotParseException("attribute '" + name + "' of <" + parser.getName() + "/> is not a JID: " + v);
        }
    }

    /**
     * Reads a required xs:boolean attribute.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value
     * @throws IotParseException if absent or not an xs:boolean
     */
    public static boolean requiredBoolean(XmlPullParser parser, String name) throws IotParseException {
        IotXml.requiredAttribute(parser, name);
        return IotXml.booleanAttribute(parser, name, false);
    }

    /**
     * Reads the children {@code node} and {@code nameElement} (e.g. {@code field}, {@code parameter}) until the end
     * tag at {@code initialDepth}; unknown children are skipped.
     *
     * @param parser       positioned on the start tag at {@code initialDepth}
     * @param initialDepth depth of the start tag
     * @param nameElement  element carrying a {@code name} attribute
     * @return what was read
     * @throws IotParseException      if a child lacks a required attribute
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static Children children(XmlPullParser parser, int initialDepth, String nameElement)
            throws IotParseException, XmlPullParserException, IOException {
        List<NodeRef> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == initialDepth + 1) {
                if ("node".equals(parser.getName())) {
                    nodes.add(IotXml.nodeRef(parser));
                } else if (nameElement.equals(parser.getName())) {
                    names.add(IotXml.requiredAttribute(parser, "name"));
                }
                IotXml.skipElement(parser);
            } else if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                return new Children(nodes, names);
            } else if (e == XmlPullParser.Event.END_DOCUMENT) {
                throw new XmlPullParserException("unexpected end of document");
            }
        }
    }

    /**
     * Reads the text content of the current element and leaves the parser on its end tag.
     *
     * @param parser positioned on a start tag
     * @return the text, stripped of surrounding white space
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static String text(XmlPullParser parser) throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        StringBuilder sb = new StringBuilder();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.TEXT_CHARACTERS) {
                sb.append(parser.getText());
            } else if (e == XmlPullParser.Event.START_ELEMENT) {
                IotXml.skipElement(parser);
            } else if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return sb.toString().strip();
            } else if (e == XmlPullParser.Event.END_DOCUMENT) {
                throw new XmlPullParserException("unexpected end of document");
            }
        }
    }

    /**
     * Reads the XEP-0323 field-type flags plus {@code all} and {@code historical} (the {@code sn:fieldTypes}
     * attribute group used by {@code canRead}).
     *
     * @param parser positioned on a start tag
     * @return the flags
     * @throws IotParseException if a flag is not an xs:boolean
     */
    public static FieldTypes fieldTypes(XmlPullParser parser) throws IotParseException {
        EnumSet<FieldCategory> set = EnumSet.noneOf(FieldCategory.class);
        for (FieldCategory c : FieldCategory.values()) {
            if (IotXml.booleanAttribute(parser, c.attribute(), false)) {
                set.add(c);
            }
        }
        if (IotXml.booleanAttribute(parser, FieldCategory.IDENTITY_ALIAS, false)) {
            set.add(FieldCategory.IDENTITY);
        }
        return new FieldTypes(
                set,
                IotXml.booleanAttribute(parser, "all", false),
                IotXml.booleanAttribute(parser, "historical", false));
    }

    /**
     * Writes the field-type flags that are set.
     *
     * @param xml   builder on an open start tag
     * @param types the flags
     */
    public static void writeFieldTypes(XmlStringBuilder xml, FieldTypes types) {
        for (FieldCategory c : types.categories()) {
            xml.attribute(c.attribute(), true);
        }
        xml.optBooleanAttribute("all", types.all());
        xml.optBooleanAttribute("historical", types.historical());
    }

    /**
     * Writes {@code node} children then {@code nameElement} children, or makes the element empty if there are none.
     *
     * @param xml         builder on an open start tag
     * @param nodes       nodes
     * @param nameElement element name of the named children
     * @param names       names
     */
    public static void writeChildren(
            IQ.IQChildElementXmlStringBuilder xml, List<NodeRef> nodes, String nameElement, List<String> names) {
        if (nodes.isEmpty() && names.isEmpty()) {
            xml.setEmptyElement();
            return;
        }
        xml.rightAngleBracket();
        for (NodeRef n : nodes) {
            xml.halfOpenElement("node");
            IotXml.writeNodeRef(xml, n);
            xml.closeEmptyElement();
        }
        for (String name : names) {
            xml.halfOpenElement(nameElement).attribute("name", name).closeEmptyElement();
        }
    }

    /**
     * Decodes xs:base64Binary text (white space ignored).
     *
     * @param text the lexical form
     * @return the bytes
     * @throws IllegalArgumentException if the text is not base64
     */
    public static byte[] decodeBase64(String text) {
        return Base64.getDecoder().decode(strictBase64(text));
    }

    private static String strictBase64(String text) {
        String s = text.replaceAll("\\s+", "");
        if (!s.matches("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")) {
            throw new IllegalArgumentException("not xs:base64Binary");
        }
        return s;
    }

    /**
     * Checks a privilege id against the XSD's {@code PrivilegeId} type.
     *
     * @param id the id
     * @return the id
     * @throws IotParseException if it is not a dot-separated path of non-empty parts
     */
    public static String privilegeId(String id) throws IotParseException {
        if (id == null || !PRIVILEGE_ID.matcher(id).matches()) {
            throw new IotParseException("not a privilege id: '" + id + "'");
        }
        return id;
    }
}
