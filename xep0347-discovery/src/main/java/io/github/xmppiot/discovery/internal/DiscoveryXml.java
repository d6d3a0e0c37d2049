package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** XML helpers shared by the XEP-0347 elements and providers. */
public final class DiscoveryXml {

    /** The XEP-0347 namespace. */
    public static final String NAMESPACE = "urn:xmpp:iot:discovery";

    private DiscoveryXml() {}

    /**
     * Reads the {@code str}/{@code num} children of the element the parser is on, skipping unknown children; leaves the
     * parser on the element's end tag.
     */
    public static List<MetaTag> readTags(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        List<MetaTag> tags = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return tags;
            }
            if (e == XmlPullParser.Event.START_ELEMENT) {
                if ("str".equals(parser.getName()) || "num".equals(parser.getName())) {
                    tags.add(readTag(parser));
                } else {
                    IotXml.skipElement(parser);
                }
            }
        }
    }

    private static MetaTag readTag(XmlPullParser parser) throws IotParseException, XmlPullParserException, IOException {
        String element = parser.getName();
        String name = IotXml.requiredAttribute(parser, "name");
        String value = IotXml.requiredAttribute(parser, "value");
        try {
            MetaTag tag = "str".equals(element) ? new StringTag(name, value) : new NumericTag(name, value);
            IotXml.skipElement(parser);
            return tag;
        } catch (IllegalArgumentException ex) {
            throw IotParseException.of("<" + element + " name='" + abbreviate(name) + "'/>", ex);
        }
    }

    /** Writes tags as {@code str}/{@code num} children. */
    public static void writeTags(XmlStringBuilder xml, List<? extends MetaTag> tags) {
        for (MetaTag t : tags) {
            xml.halfOpenElement(t instanceof StringTag ? "str" : "num");
            xml.attribute("name", t.name());
            xml.attribute("value", t.lexicalValue());
            xml.closeEmptyElement();
        }
    }

    /** A required JID attribute. */
    public static Jid jid(XmlPullParser parser, String name) throws IotParseException {
        return toJid(IotXml.requiredAttribute(parser, name), name);
    }

    /** An optional JID attribute, null if absent. */
    public static Jid optionalJid(XmlPullParser parser, String name) throws IotParseException {
        String v = IotXml.attribute(parser, name);
        return v == null ? null : toJid(v, name);
    }

    private static Jid toJid(String value, String name) throws IotParseException {
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IotParseException("attribute '" + name + "' is not a JID: " + abbreviate(value));
        }
    }

    /** Shortens hostile input for error texts. */
    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
