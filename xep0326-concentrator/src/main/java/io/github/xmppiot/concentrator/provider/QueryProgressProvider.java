package io.github.xmppiot.concentrator.provider;

import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@code queryProgress} (XEP-0326 §3.12 "Execute Node Query") into a {@link QueryProgress}, keeping the events
 * in document order; unknown event elements are skipped. A malformed element is returned as an empty
 * {@link StandardExtensionElement}, which listeners ignore.
 *
 * @since 0.1.0
 */
public final class QueryProgressProvider extends ExtensionElementProvider<ExtensionElement> {

    @Override
    public ExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        try {
            return body(parser, initialDepth);
        } catch (IotParseException | IllegalArgumentException e) {
            IotXml.skipToEndOf(parser, initialDepth);
            return StandardExtensionElement.builder(QueryProgress.ELEMENT, QueryProgress.NAMESPACE)
                    .build();
        }
    }

    private static QueryProgress body(XmlPullParser parser, int depth)
            throws IotParseException, XmlPullParserException, IOException {
        var node = IotXml.nodeRef(parser);
        String queryId = IotXml.requiredAttribute(parser, "queryId");
        List<QueryEvent> events = new ArrayList<>();
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
            if (e == XmlPullParser.Event.START_ELEMENT) {
                QueryEvent ev = event(parser);
                if (ev != null) {
                    events.add(ev);
                }
            }
        }
        return new QueryProgress(node, queryId, events);
    }

    private static QueryEvent event(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        String name = parser.getName();
        QueryEvent ev;
        switch (name) {
            case "queryStarted":
                ev = new QueryEvent.Started();
                break;
            case "queryDone":
                ev = new QueryEvent.Done();
                break;
            case "queryAborted":
                ev = new QueryEvent.Aborted();
                break;
            case "endSection":
                ev = new QueryEvent.EndSection();
                break;
            case "tableDone":
                ev = new QueryEvent.TableDone(IotXml.requiredAttribute(parser, "tableId"));
                break;
            case "title":
                ev = new QueryEvent.Title(IotXml.requiredAttribute(parser, "name"));
                break;
            case "status":
                ev = new QueryEvent.Status(IotXml.requiredAttribute(parser, "message"));
                break;
            case "beginSection":
                ev = new QueryEvent.BeginSection(IotXml.requiredAttribute(parser, "header"));
                break;
            case "newObject":
                return new QueryEvent.NewObject(
                        IotXml.requiredAttribute(parser, "contentType"),
                        parser.nextText().strip());
            case "queryMessage":
                return new QueryEvent.Message(
                        IotXml.attribute(parser, "type"), IotXml.attribute(parser, "level"), parser.nextText());
            case "newTable":
                return newTable(parser);
            case "newRecords":
                return newRecords(parser);
            default:
                IotXml.skipElement(parser);
                return null;
        }
        IotXml.skipElement(parser);
        return ev;
    }

    private static QueryEvent newTable(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        String id = IotXml.requiredAttribute(parser, "tableId");
        String name = IotXml.requiredAttribute(parser, "tableName");
        List<QueryEvent.Column> cols = new ArrayList<>();
        while (!(parser.next() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
            if (parser.getEventType() == XmlPullParser.Event.START_ELEMENT && "column".equals(parser.getName())) {
                cols.add(new QueryEvent.Column(
                        IotXml.requiredAttribute(parser, "columnId"),
                        IotXml.attribute(parser, "header"),
                        IotXml.attribute(parser, "dataSourceId"),
                        IotXml.attribute(parser, "cacheTypeName"),
                        IotXml.attribute(parser, "fgColor"),
                        IotXml.attribute(parser, "bgColor"),
                        IotXml.attribute(parser, "alignment"),
                        IotXml.optionalIntAttribute(parser, "nrDecimals")));
                IotXml.skipElement(parser);
            } else if (parser.getEventType() == XmlPullParser.Event.START_ELEMENT) {
                IotXml.skipElement(parser);
            }
        }
        return new QueryEvent.NewTable(id, name, cols);
    }

    private static QueryEvent newRecords(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        String id = IotXml.requiredAttribute(parser, "tableId");
        List<List<QueryEvent.Cell>> rows = new ArrayList<>();
        List<QueryEvent.Cell> row = null;
        while (!(parser.next() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
            XmlPullParser.Event e = parser.getEventType();
            if (e == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == depth + 1) {
                row = new ArrayList<>();
                if (!"record".equals(parser.getName())) {
                    IotXml.skipElement(parser);
                    row = null;
                }
            } else if (e == XmlPullParser.Event.START_ELEMENT && row != null) {
                String type = parser.getName();
                String contentType = IotXml.attribute(parser, "contentType");
                row.add(new QueryEvent.Cell(type, parser.nextText().strip(), contentType));
            } else if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth + 1 && row != null) {
                rows.add(row);
                row = null;
            }
        }
        return new QueryEvent.NewRecords(id, rows);
    }
}
