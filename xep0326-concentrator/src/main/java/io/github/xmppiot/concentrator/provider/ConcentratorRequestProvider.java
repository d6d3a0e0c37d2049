package io.github.xmppiot.concentrator.provider;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.IndexRef;
import io.github.xmppiot.concentrator.element.SortOrder;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.Set;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Reads any XEP-0326 request element (CHECKLIST §6.1) into a {@link ConcentratorRequest}. Lenient per CHECKLIST §14:
 * unknown attributes and children are kept or skipped, {@code xml:lang} is kept, xs:boolean accepts
 * {@code true|false|1|0}. A request that breaks the XEP's rules (missing required attribute, malformed boolean,
 * dateTime or int, missing required form) becomes a {@link io.github.xmppiot.core.xml.MalformedRequest}, answered with
 * {@code modify/bad-request}.
 *
 * @since 0.1.0
 */
public final class ConcentratorRequestProvider extends IqProvider<IQ> {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of(
            "parameters",
            "messages",
            "nodeAdded",
            "nodeUpdated",
            "nodeStatusChanged",
            "nodeRemoved",
            "nodeMovedUp",
            "nodeMovedDown");
    private static final Set<String> TOKEN_ATTRIBUTES =
            Set.of(Tokens.ATTR_SERVICE, Tokens.ATTR_DEVICE, Tokens.ATTR_USER);

    private final ConcentratorCommand command;

    /**
     * Creates the provider of one request element.
     *
     * @param command the command whose element this provider reads
     */
    public ConcentratorRequestProvider(ConcentratorCommand command) {
        this.command = command;
    }

    @Override
    public IQ parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        return IotXml.parseRequest(parser, initialDepth, p -> body(p, initialDepth));
    }

    private ConcentratorRequest body(XmlPullParser parser, int depth)
            throws IotParseException, XmlPullParserException, IOException {
        ConcentratorRequest.Builder b = ConcentratorRequest.builder(command);
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String ns = parser.getAttributeNamespace(i);
            String name = parser.getAttributeName(i);
            String value = parser.getAttributeValue(i);
            if (XML_NS.equals(ns) && "lang".equals(name)) {
                b.lang(value);
            } else if ((ns == null || ns.isEmpty()) && !TOKEN_ATTRIBUTES.contains(name)) {
                check(name, value);
                b.attribute(name, value);
            }
        }
        b.tokens(IotXml.tokens(parser));
        ConcentratorRequest partial = b.build();
        for (String required : command.requiredAttributes()) {
            String v = partial.attributes().get(required);
            if (v == null || v.isEmpty()) {
                throw new IotParseException("missing attribute '" + required + "' on <" + command.element() + "/>");
            }
        }
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
            if (e == XmlPullParser.Event.END_DOCUMENT) {
                throw new IotParseException("unexpected end of document");
            }
            if (e != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            child(parser, b);
        }
        ConcentratorRequest request = b.build();
        if (command.formRequired() && request.form().isEmpty()) {
            throw new IotParseException("<" + command.element() + "/> requires a data form");
        }
        return request;
    }

    private static void child(XmlPullParser parser, ConcentratorRequest.Builder b)
            throws IotParseException, XmlPullParserException, IOException {
        switch (parser.getName()) {
            case ConcentratorRequest.NODE:
                b.nodes(java.util.List.of(IotXml.nodeRef(parser)));
                IotXml.skipElement(parser);
                break;
            case ConcentratorRequest.INDEX_REF:
                b.indexRef(new IndexRef(
                        IotXml.requiredAttribute(parser, "sourceId"),
                        IotXml.requiredAttribute(parser, "index"),
                        IotXml.requiredAttribute(parser, "indexValue")));
                IotXml.skipElement(parser);
                break;
            case ConcentratorRequest.ONLY_IF_DERIVED_FROM:
                b.onlyIfDerivedFrom(parser.nextText().strip());
                break;
            case ConcentratorRequest.SORT_ORDER:
                b.sortOrder(new SortOrder(
                        IotXml.requiredAttribute(parser, "parameterName"),
                        IotXml.optionalBooleanAttribute(parser, "ascending")));
                IotXml.skipElement(parser);
                break;
            case DataForm.ELEMENT:
                if (DataForm.NAMESPACE.equals(parser.getNamespace())) {
                    try {
                        b.form(IotXml.dataForm(parser));
                    } catch (SmackParsingException | RuntimeException ex) {
                        throw new IotParseException("malformed data form: " + ex.getMessage());
                    }
                } else {
                    IotXml.skipElement(parser);
                }
                break;
            default:
                IotXml.skipElement(parser);
        }
    }

    private static void check(String name, String value) throws IotParseException {
        try {
            if (BOOLEAN_ATTRIBUTES.contains(name)) {
                BooleanValue.parseBoolean(value);
            } else if ("getEventsSince".equals(name)) {
                DateTimeValue.parse(value);
            } else if ("seqnr".equals(name)) {
                IntValue.parse(value);
            }
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("attribute '" + name + "'", e);
        }
    }
}
