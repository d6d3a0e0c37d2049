package io.github.xmppiot.concentrator.provider;

import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.CommandType;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.ConcentratorResponseBuilder;
import io.github.xmppiot.concentrator.element.DataSource;
import io.github.xmppiot.concentrator.element.Database;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.internal.NodeXml;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Reads any XEP-0326 response element ({@code …Response}, XEP-0326 §3) into a {@link ConcentratorResponse}. Unknown
 * children are skipped. A response that breaks the XEP's rules does not tear the connection down: it is returned with
 * {@link ResultCode#OTHER_ERROR} and the reason, so the waiting client reports it.
 *
 * @since 0.1.0
 */
public final class ConcentratorResponseProvider extends IqProvider<ConcentratorResponse> {

    /** The provider instance; it serves every response element. */
    public static final ConcentratorResponseProvider INSTANCE = new ConcentratorResponseProvider();

    @Override
    public ConcentratorResponse parse(
            XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        String element = parser.getName();
        try {
            return body(parser, initialDepth, element);
        } catch (IotParseException | IllegalArgumentException e) {
            IotXml.skipToEndOf(parser, initialDepth);
            return ConcentratorResponse.builder(element, ResultCode.OTHER_ERROR)
                    .errorText("malformed response: " + e.getMessage())
                    .build();
        }
    }

    private static ConcentratorResponse body(XmlPullParser parser, int depth, String element)
            throws IotParseException, XmlPullParserException, IOException {
        String code = IotXml.attribute(parser, "result");
        ConcentratorResponseBuilder b =
                ConcentratorResponse.builder(element, code == null ? null : ResultCode.fromXml(code));
        b.queryId(IotXml.attribute(parser, "queryId"));
        NodeInformation.Builder own =
                IotXml.attribute(parser, "nodeId") != null ? NodeXml.readAttributes(parser) : null;
        StringBuilder text = new StringBuilder();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
            if (e == XmlPullParser.Event.END_DOCUMENT) {
                throw new IotParseException("unexpected end of document");
            }
            if (e == XmlPullParser.Event.TEXT_CHARACTERS && parser.getDepth() == depth) {
                text.append(parser.getText());
            } else if (e == XmlPullParser.Event.START_ELEMENT && !(own != null && NodeXml.readChild(parser, own))) {
                child(parser, b);
            }
        }
        if (own != null) {
            b.node(own.build());
        }
        if (!text.toString().isBlank()) {
            b.text(text.toString().strip());
        }
        return b.build();
    }

    private static void child(XmlPullParser parser, ConcentratorResponseBuilder b)
            throws IotParseException, XmlPullParserException, IOException {
        switch (parser.getName()) {
            case "value":
                b.value(parser.nextText());
                break;
            case "dataSource":
                b.dataSource(new DataSource(
                        IotXml.requiredAttribute(parser, "sourceId"),
                        IotXml.requiredAttribute(parser, "name"),
                        IotXml.optionalBooleanAttribute(parser, "hasChildren"),
                        IotXml.dateTimeAttribute(parser, "lastChanged")));
                IotXml.skipElement(parser);
                break;
            case "node":
                b.nodes(List.of(NodeXml.readNode(parser)));
                break;
            case "baseClasses":
                b.baseClasses(readValues(parser));
                break;
            case "interfaces":
                b.interfaces(readValues(parser));
                break;
            case "error":
                b.errors(List.of(new ParameterError(IotXml.requiredAttribute(parser, "var"), parser.nextText())));
                break;
            case "nodeType":
                b.nodeType(new AddableNodeType(
                        IotXml.requiredAttribute(parser, "type"), IotXml.requiredAttribute(parser, "name")));
                IotXml.skipElement(parser);
                break;
            case "command":
                b.command(new NodeCommand(
                        IotXml.requiredAttribute(parser, "command"),
                        IotXml.requiredAttribute(parser, "name"),
                        CommandType.fromXml(IotXml.requiredAttribute(parser, "type")),
                        IotXml.attribute(parser, "sortCategory"),
                        IotXml.attribute(parser, "sortKey"),
                        IotXml.attribute(parser, "confirmationString"),
                        IotXml.attribute(parser, "failureString"),
                        IotXml.attribute(parser, "successString")));
                IotXml.skipElement(parser);
                break;
            case "result":
                String error = IotXml.attribute(parser, "error");
                b.nodeResult(new NodeResult(BooleanValue.parseBoolean(parser.nextText()), error));
                break;
            case "database":
                b.database(
                        new Database(IotXml.requiredAttribute(parser, "databaseId"), IotXml.attribute(parser, "name")));
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

    private static List<String> readValues(XmlPullParser parser) throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        List<String> out = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return out;
            }
            if (e == XmlPullParser.Event.START_ELEMENT) {
                if ("value".equals(parser.getName())) {
                    out.add(parser.nextText());
                } else {
                    IotXml.skipElement(parser);
                }
            }
        }
    }
}
