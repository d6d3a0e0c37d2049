package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * Progress of a node query, element {@code queryProgress} of a {@code message} (XEP-0326 §3.12 "Execute Node
 * Query"): the events of one query on one node, in order (CHECKLIST 326-15).
 *
 * @param node    the node (with sourceId)
 * @param queryId the query id returned by {@code executeNodeQueryResponse}
 * @param events  the events, in document order (at least one)
 * @since 0.1.0
 */
public record QueryProgress(NodeRef node, String queryId, List<QueryEvent> events) implements ExtensionElement {

    /** Element name. */
    public static final String ELEMENT = "queryProgress";
    /** The XEP-0326 namespace. */
    public static final String NAMESPACE = ConcentratorRequest.NAMESPACE;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there are no events
     */
    public QueryProgress {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(queryId, "queryId");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("queryProgress needs at least one event");
        }
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        IotXml.writeNodeRef(xml, node);
        xml.attribute("queryId", queryId).rightAngleBracket();
        for (QueryEvent e : events) {
            write(xml, e);
        }
        return xml.closeElement(this);
    }

    private static void write(XmlStringBuilder xml, QueryEvent e) {
        xml.halfOpenElement(e.element());
        if (e instanceof QueryEvent.NewTable t) {
            xml.attribute("tableId", t.tableId()).attribute("tableName", t.tableName());
            if (t.columns().isEmpty()) {
                xml.closeEmptyElement();
                return;
            }
            xml.rightAngleBracket();
            for (QueryEvent.Column c : t.columns()) {
                xml.halfOpenElement("column")
                        .attribute("columnId", c.columnId())
                        .optAttribute("header", c.header())
                        .optAttribute("dataSourceId", c.dataSourceId())
                        .optAttribute("cacheTypeName", c.cacheTypeName())
                        .optAttribute("fgColor", c.fgColor())
                        .optAttribute("bgColor", c.bgColor())
                        .optAttribute("alignment", c.alignment());
                if (c.nrDecimals() != null) {
                    xml.attribute("nrDecimals", c.nrDecimals());
                }
                xml.closeEmptyElement();
            }
            xml.closeElement(e.element());
        } else if (e instanceof QueryEvent.NewRecords r) {
            xml.attribute("tableId", r.tableId()).rightAngleBracket();
            for (List<QueryEvent.Cell> row : r.records()) {
                xml.openElement("record");
                for (QueryEvent.Cell c : row) {
                    xml.halfOpenElement(c.type()).optAttribute("contentType", c.contentType());
                    if (c.value().isEmpty()) {
                        xml.closeEmptyElement();
                    } else {
                        xml.rightAngleBracket().escape(c.value()).closeElement(c.type());
                    }
                }
                xml.closeElement("record");
            }
            xml.closeElement(e.element());
        } else if (e instanceof QueryEvent.TableDone t) {
            xml.attribute("tableId", t.tableId()).closeEmptyElement();
        } else if (e instanceof QueryEvent.NewObject o) {
            xml.attribute("contentType", o.contentType())
                    .rightAngleBracket()
                    .escape(o.base64())
                    .closeElement(e.element());
        } else if (e instanceof QueryEvent.Message m) {
            xml.optAttribute("type", m.type())
                    .optAttribute("level", m.level())
                    .rightAngleBracket()
                    .escape(m.text())
                    .closeElement(e.element());
        } else if (e instanceof QueryEvent.Title t) {
            xml.attribute("name", t.name()).closeEmptyElement();
        } else if (e instanceof QueryEvent.Status s) {
            xml.attribute("message", s.message()).closeEmptyElement();
        } else if (e instanceof QueryEvent.BeginSection s) {
            xml.attribute("header", s.header()).closeEmptyElement();
        } else {
            xml.closeEmptyElement();
        }
    }
}
