package io.github.xmppiot.core.xml;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import java.io.IOException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Lenient readers and strict writers for the attributes the XMPP IoT extensions share. Readers work on the start tag
 * the parser is positioned on; unknown attributes are ignored (CHECKLIST §14).
 *
 * @since 0.1.0
 */
public final class IotXml {

    private IotXml() {}

    /**
     * An attribute without namespace.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value, or null if absent
     */
    public static String attribute(XmlPullParser parser, String name) {
        return parser.getAttributeValue("", name);
    }

    /**
     * A required attribute.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value
     * @throws IotParseException if absent
     */
    public static String requiredAttribute(XmlPullParser parser, String name) throws IotParseException {
        String v = attribute(parser, name);
        if (v == null) {
            throw new IotParseException("missing attribute '" + name + "' on <" + parser.getName() + "/>");
        }
        return v;
    }

    /**
     * An xs:boolean attribute ({@code true|false|1|0}).
     *
     * @param parser       positioned on a start tag
     * @param name         attribute name
     * @param defaultValue value when absent
     * @return the value
     * @throws IotParseException if present but not an xs:boolean
     */
    public static boolean booleanAttribute(XmlPullParser parser, String name, boolean defaultValue)
            throws IotParseException {
        Boolean b = optionalBooleanAttribute(parser, name);
        return b == null ? defaultValue : b;
    }

    /**
     * An optional xs:boolean attribute whose absence means "unknown" (for example {@code writable}).
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value, or null if absent
     * @throws IotParseException if present but not an xs:boolean
     */
    public static Boolean optionalBooleanAttribute(XmlPullParser parser, String name) throws IotParseException {
        String v = attribute(parser, name);
        if (v == null) {
            return null;
        }
        try {
            return BooleanValue.parseBoolean(v);
        } catch (IllegalArgumentException e) {
            throw IotParseException.of(where(parser, name), e);
        }
    }

    /**
     * A required xs:int attribute.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value
     * @throws IotParseException if absent or not an xs:int
     */
    public static int intAttribute(XmlPullParser parser, String name) throws IotParseException {
        String v = requiredAttribute(parser, name);
        try {
            return io.github.xmppiot.core.value.IntValue.parse(v).value();
        } catch (IllegalArgumentException e) {
            throw IotParseException.of(where(parser, name), e);
        }
    }

    /**
     * An optional xs:int attribute.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value, or null if absent
     * @throws IotParseException if present but not an xs:int
     */
    public static Integer optionalIntAttribute(XmlPullParser parser, String name) throws IotParseException {
        return attribute(parser, name) == null ? null : intAttribute(parser, name);
    }

    /**
     * An optional xs:dateTime attribute.
     *
     * @param parser positioned on a start tag
     * @param name   attribute name
     * @return the value, or null if absent
     * @throws IotParseException if present but not an xs:dateTime
     */
    public static DateTimeValue dateTimeAttribute(XmlPullParser parser, String name) throws IotParseException {
        String v = attribute(parser, name);
        if (v == null) {
            return null;
        }
        try {
            return DateTimeValue.parse(v);
        } catch (IllegalArgumentException e) {
            throw IotParseException.of(where(parser, name), e);
        }
    }

    /**
     * The node triple on the current start tag ({@code nodeId} required).
     *
     * @param parser positioned on a start tag
     * @return the node reference
     * @throws IotParseException if {@code nodeId} is missing or blank
     */
    public static NodeRef nodeRef(XmlPullParser parser) throws IotParseException {
        String nodeId = requiredAttribute(parser, NodeRef.ATTR_NODE_ID);
        try {
            return new NodeRef(
                    nodeId, attribute(parser, NodeRef.ATTR_SOURCE_ID), attribute(parser, NodeRef.ATTR_CACHE_TYPE));
        } catch (IllegalArgumentException e) {
            throw IotParseException.of(where(parser, NodeRef.ATTR_NODE_ID), e);
        }
    }

    /**
     * The node triple on the current start tag if it carries a {@code nodeId}.
     *
     * @param parser positioned on a start tag
     * @return the node reference, or null if there is no {@code nodeId}
     * @throws IotParseException if {@code nodeId} is blank
     */
    public static NodeRef optionalNodeRef(XmlPullParser parser) throws IotParseException {
        return attribute(parser, NodeRef.ATTR_NODE_ID) == null ? null : nodeRef(parser);
    }

    /**
     * The {@code serviceToken}, {@code deviceToken} and {@code userToken} attributes.
     *
     * @param parser positioned on a start tag
     * @return the tokens, {@link Tokens#NONE} if none
     */
    public static Tokens tokens(XmlPullParser parser) {
        return Tokens.fromAttributes(
                attribute(parser, Tokens.ATTR_SERVICE),
                attribute(parser, Tokens.ATTR_DEVICE),
                attribute(parser, Tokens.ATTR_USER));
    }

    /**
     * Writes the node triple as attributes ({@code sourceId}, {@code cacheType} only when present).
     *
     * @param xml  builder on an open start tag
     * @param node the node, may be null (writes nothing)
     */
    public static void writeNodeRef(XmlStringBuilder xml, NodeRef node) {
        if (node == null) {
            return;
        }
        xml.attribute(NodeRef.ATTR_NODE_ID, node.nodeId());
        xml.optAttribute(NodeRef.ATTR_SOURCE_ID, node.sourceId());
        xml.optAttribute(NodeRef.ATTR_CACHE_TYPE, node.cacheType());
    }

    /**
     * Writes the token attributes that are present.
     *
     * @param xml    builder on an open start tag
     * @param tokens the tokens, may be null
     */
    public static void writeTokens(XmlStringBuilder xml, Tokens tokens) {
        if (tokens == null) {
            return;
        }
        xml.optAttribute(Tokens.ATTR_SERVICE, tokens.serviceAttribute());
        xml.optAttribute(Tokens.ATTR_DEVICE, tokens.deviceAttribute());
        xml.optAttribute(Tokens.ATTR_USER, tokens.userAttribute());
    }

    /**
     * Skips the element the parser is positioned on, with all its content; afterwards the parser is on its end tag.
     *
     * @param parser positioned on a start tag
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static void skipElement(XmlPullParser parser) throws XmlPullParserException, IOException {
        skipToEndOf(parser, parser.getDepth());
    }

    /**
     * Reads a XEP-0004 data form with Smack's provider, which fails with runtime exceptions on some malformed forms
     * (for example a form without {@code type}) and with jxmpp's {@link XmppStringprepException}, an
     * {@link IOException}, on a {@code jid-single} or {@code jid-multi} value that is not a JID (XEP-0004 §3.3, for
     * example {@code a b@c}); those become an {@link IotParseException} and the parser is left on the form's end tag,
     * so that one malformed form never escapes as anything but a parse error (a request provider turns it into a
     * {@link MalformedRequest}, answered {@code modify/bad-request} on any connection).
     *
     * @param parser positioned on the form's start tag
     * @return the form
     * @throws IotParseException      if the form is malformed
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static DataForm dataForm(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        try {
            return DataFormProvider.INSTANCE.parse(parser);
        } catch (RuntimeException | SmackParsingException | XmlPullParserException | XmppStringprepException e) {
            // e.g. an element inside <value/> or a jid-single value that is not a JID: the XML is well-formed, so the
            // rest of the form can be skipped
            skipToEndOf(parser, depth);
            IotParseException p = new IotParseException("malformed data form: " + e.getMessage());
            p.initCause(e);
            throw p;
        }
    }

    /**
     * Advances to the end tag at {@code depth} (the depth of an element's start tag).
     *
     * @param parser the parser, anywhere inside that element or on its start tag
     * @param depth  the element's depth
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static void skipToEndOf(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        while (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
            parser.next();
        }
    }

    /**
     * Parses an IQ request payload; if the payload breaks the XEP's rules (a value that must be a JID and is not
     * included: {@link XmppStringprepException}), returns a {@link MalformedRequest} for the same element instead of
     * throwing, so that the request is answered with {@code bad-request} by the manager, on any connection (a
     * provider that throws leaves the answer to the connection's parsing-exception callback, which a plain Smack
     * connection calls without the stanza's head: see {@link io.github.xmppiot.core.connection.UnparsableStanzas}).
     *
     * @param parser       positioned on the payload's start tag
     * @param initialDepth the payload's depth
     * @param body         the actual parser
     * @return the parsed request, or a {@link MalformedRequest}
     * @throws XmlPullParserException on XML errors (not recoverable)
     * @throws IOException            on I/O errors
     */
    public static IQ parseRequest(XmlPullParser parser, int initialDepth, RequestBody body)
            throws XmlPullParserException, IOException {
        String element = parser.getName();
        String namespace = parser.getNamespace();
        try {
            return body.parse(parser);
        } catch (IotParseException | IllegalArgumentException | XmppStringprepException e) { // a value is not a JID
            skipToEndOf(parser, initialDepth);
            return new MalformedRequest(element, namespace, e.getMessage());
        }
    }

    /**
     * The body of a request provider, as used by {@link #parseRequest}.
     */
    @FunctionalInterface
    public interface RequestBody {
        /**
         * Parses the payload; must leave the parser on the payload's end tag.
         *
         * @param parser positioned on the payload's start tag
         * @return the request
         * @throws IotParseException      if the payload breaks the XEP's rules
         * @throws XmlPullParserException on XML errors
         * @throws IOException            on I/O errors
         */
        IQ parse(XmlPullParser parser) throws IotParseException, XmlPullParserException, IOException;
    }

    private static String where(XmlPullParser parser, String attribute) {
        return "attribute '" + attribute + "' of <" + parser.getName() + "/>";
    }
}
