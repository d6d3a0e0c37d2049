package io.github.xmppiot.sensordata.provider;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import io.github.xmppiot.sensordata.internal.FieldXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@link Fields} (XEP-0323 §3, schema §10). Only a missing or bad {@code seqnr} or {@code done} fails the element, since
 * without them the message cannot be attributed. A field value, or a whole {@code timestamp} group, that cannot be read
 * is recorded in {@link Fields#problems()} and the rest of the message is kept. Accepted on input: the
 * {@code identification} alias, Smack's {@code bool} element, the pre-0.3 {@code timeSpan} element (read as a
 * {@code duration}), a {@code node} without {@code nodeId} (Smack), text and unknown elements outside {@code timestamp}
 * (the XEP's {@code ...} elisions). An element inside a {@code timestamp} that is no known field type is never dropped
 * silently: it is recorded in {@link Fields#problems()} with its name, so that the client reports it as a failure.
 *
 * @since 0.1.0
 */
public final class FieldsProvider extends ExtensionElementProvider<Fields> {

    /** The pre-0.3 element name of {@code duration}. */
    private static final String TIME_SPAN = "timeSpan";

    @Override
    public Fields parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        int seqnr = IotXml.intAttribute(parser, "seqnr");
        boolean done = IotXml.booleanAttribute(parser, "done", false);
        List<NodeFields> nodes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (!endOf(parser, initialDepth)) {
            if (parser.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if ("node".equals(parser.getName())) {
                nodes.add(node(parser, problems));
            } else {
                IotXml.skipElement(parser);
            }
        }
        return new Fields(seqnr, done, nodes, problems);
    }

    private static NodeFields node(XmlPullParser parser, List<String> problems)
            throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        NodeRef node;
        try {
            node = IotXml.optionalNodeRef(parser);
        } catch (IotParseException e) {
            problems.add(e.getMessage());
            node = null;
        }
        List<TimestampFields> timestamps = new ArrayList<>();
        while (!endOf(parser, depth)) {
            if (parser.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if ("timestamp".equals(parser.getName())) {
                timestamp(parser, node, problems, timestamps);
            } else {
                IotXml.skipElement(parser);
            }
        }
        return new NodeFields(node, timestamps);
    }

    private static void timestamp(XmlPullParser parser, NodeRef node, List<String> problems, List<TimestampFields> out)
            throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        DateTimeValue ts;
        try {
            ts = IotXml.dateTimeAttribute(parser, "value");
            if (ts == null) {
                throw new IotParseException("missing attribute 'value' on <timestamp/>");
            }
        } catch (IotParseException e) {
            problems.add("node " + node + ": " + e.getMessage() + "; its fields are ignored");
            IotXml.skipElement(parser);
            return;
        }
        List<Field> fields = new ArrayList<>();
        while (!endOf(parser, depth)) {
            if (parser.getEventType() != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            Optional<ValueType> type = fieldType(parser.getName());
            if (type.isEmpty()) {
                problems.add("node " + node + " at " + ts.lexical() + ": unknown field element <" + parser.getName()
                        + "/>" + nameOf(parser) + " ignored");
                IotXml.skipElement(parser);
                continue;
            }
            try {
                fields.add(FieldXml.parse(parser, type.get()));
            } catch (IotParseException e) {
                problems.add("node " + node + " at " + ts.lexical() + ": " + e.getMessage());
                IotXml.skipElement(parser);
            }
        }
        out.add(new TimestampFields(ts, fields));
    }

    /**
     * The value type of a field element: the XEP-0323 §5.4 names, Smack's {@code bool}, and {@code timeSpan}, the name
     * of {@code duration} in the drafts before 0.3 (still sent by Slixmpp 1.8).
     */
    static Optional<ValueType> fieldType(String elementName) {
        if (TIME_SPAN.equals(elementName)) {
            return Optional.of(ValueType.DURATION);
        }
        return ValueType.fromElementName(elementName).filter(ValueType::isFieldType);
    }

    private static String nameOf(XmlPullParser parser) {
        String name = parser.getAttributeValue("", "name");
        return name == null ? "" : " '" + name + "'";
    }

    private static boolean endOf(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        return parser.next() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth;
    }
}
