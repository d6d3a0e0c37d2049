package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeMessage;
import io.github.xmppiot.concentrator.element.NodeParameter;
import io.github.xmppiot.concentrator.element.NodeState;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.Optional;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reading and writing of XEP-0326 NodeInformation (attributes, node parameters and node messages), shared by
 * {@code node} children, {@code getNodeResponse} and the {@code nodeAdded}/{@code nodeUpdated} events.
 */
public final class NodeXml {

    /** Element name of a node message. */
    public static final String MESSAGE = "message";

    private NodeXml() {}

    /**
     * Reads the NodeInformation attributes of the current start tag (children not consumed).
     *
     * @param parser positioned on a start tag
     * @return a builder holding the attributes
     * @throws IotParseException if a required attribute is missing or a value is malformed
     */
    public static NodeInformation.Builder readAttributes(XmlPullParser parser) throws IotParseException {
        String nodeId = IotXml.requiredAttribute(parser, "nodeId");
        if (nodeId.isEmpty()) {
            throw new IotParseException("empty nodeId on <" + parser.getName() + "/>");
        }
        String state = IotXml.attribute(parser, "state");
        String hasChildren = IotXml.attribute(parser, "hasChildren");
        return NodeInformation.builder(nodeId)
                .displayName(IotXml.attribute(parser, "displayName"))
                .nodeType(IotXml.attribute(parser, "nodeType"))
                .localId(IotXml.attribute(parser, "localId"))
                .logId(IotXml.attribute(parser, "logId"))
                .cacheType(IotXml.attribute(parser, "cacheType"))
                .state(state == null ? NodeState.NONE : NodeState.fromXml(state))
                .hasChildren(hasChildren != null && IotXml.booleanAttribute(parser, "hasChildren", false))
                .childrenOrdered(IotXml.optionalBooleanAttribute(parser, "childrenOrdered"))
                .readable(IotXml.optionalBooleanAttribute(parser, "isReadable"))
                .controllable(IotXml.optionalBooleanAttribute(parser, "isControllable"))
                .hasCommands(IotXml.optionalBooleanAttribute(parser, "hasCommands"))
                .parent(IotXml.attribute(parser, "parentId"), IotXml.attribute(parser, "parentCacheType"))
                .lastChanged(IotXml.dateTimeAttribute(parser, "lastChanged"));
    }

    /**
     * Reads a node parameter or node message child into the builder, if the current element is one; otherwise the
     * element is left for the caller.
     *
     * @param parser positioned on a child start tag
     * @param node   the builder to add to
     * @return whether the element was consumed (the parser is then on its end tag)
     * @throws IotParseException      if the child is malformed
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static boolean readChild(XmlPullParser parser, NodeInformation.Builder node)
            throws IotParseException, XmlPullParserException, IOException {
        String name = parser.getName();
        if (MESSAGE.equals(name)) {
            node.message(readMessage(parser));
            return true;
        }
        Optional<ValueType> type = ValueType.fromElementName(name);
        if (type.isEmpty() || !NodeParameter.TYPES.contains(type.get())) {
            return false;
        }
        String id = IotXml.requiredAttribute(parser, "id");
        String pname = IotXml.requiredAttribute(parser, "name");
        String value = IotXml.requiredAttribute(parser, "value");
        try {
            node.parameter(new NodeParameter(id, pname, Values.parse(type.get(), value)));
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("node parameter '" + id + "'", e);
        }
        IotXml.skipElement(parser);
        return true;
    }

    /**
     * Reads a {@code message} element.
     *
     * @param parser positioned on its start tag; left on its end tag
     * @return the message
     * @throws IotParseException      if malformed
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static NodeMessage readMessage(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        DateTimeValue ts = IotXml.dateTimeAttribute(parser, "timestamp");
        if (ts == null) {
            throw new IotParseException("missing attribute 'timestamp' on <message/>");
        }
        String type = IotXml.requiredAttribute(parser, "type");
        String eventId = IotXml.attribute(parser, "eventId");
        String text = parser.nextText();
        return new NodeMessage(ts, type, eventId, text);
    }

    /**
     * Reads a complete NodeInformation element; unknown children are skipped.
     *
     * @param parser positioned on its start tag; left on its end tag
     * @return the node
     * @throws IotParseException      if malformed
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static NodeInformation readNode(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        NodeInformation.Builder b = readAttributes(parser);
        readChildren(parser, depth, b);
        return b.build();
    }

    /**
     * Reads the node-parameter and message children of the element at {@code depth}, skipping unknown ones.
     *
     * @param parser inside the element
     * @param depth  the element's depth; left on its end tag
     * @param b      the builder
     * @throws IotParseException      if malformed
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static void readChildren(XmlPullParser parser, int depth, NodeInformation.Builder b)
            throws IotParseException, XmlPullParserException, IOException {
        while (true) {
            XmlPullParser.Event e = parser.next();
            if (e == XmlPullParser.Event.START_ELEMENT) {
                if (!readChild(parser, b)) {
                    IotXml.skipElement(parser);
                }
            } else if (e == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return;
            } else if (e == XmlPullParser.Event.END_DOCUMENT) {
                throw new IotParseException("unexpected end of document");
            }
        }
    }

    /**
     * Writes the NodeInformation attributes on an open start tag.
     *
     * @param xml  the builder
     * @param node the node
     */
    public static void writeAttributes(XmlStringBuilder xml, NodeInformation node) {
        xml.attribute("nodeId", node.nodeId());
        xml.optAttribute("displayName", node.displayName());
        xml.optAttribute("nodeType", node.nodeType());
        xml.optAttribute("localId", node.localId());
        xml.optAttribute("logId", node.logId());
        xml.optAttribute("cacheType", node.cacheType());
        xml.attribute("state", node.state().xmlValue());
        xml.attribute("hasChildren", node.hasChildren());
        optBoolean(xml, "childrenOrdered", node.childrenOrdered());
        optBoolean(xml, "isReadable", node.isReadable());
        optBoolean(xml, "isControllable", node.isControllable());
        optBoolean(xml, "hasCommands", node.hasCommands());
        xml.optAttribute("parentId", node.parentId());
        xml.optAttribute("parentCacheType", node.parentCacheType());
        if (node.lastChanged() != null) {
            xml.attribute("lastChanged", node.lastChanged().lexical());
        }
    }

    /**
     * Writes the node parameters and messages (the builder must be past the start tag's {@code >}).
     *
     * @param xml  the builder
     * @param node the node
     */
    public static void writeChildren(XmlStringBuilder xml, NodeInformation node) {
        for (NodeParameter p : node.parameters()) {
            xml.halfOpenElement(p.type().elementName())
                    .attribute("id", p.id())
                    .attribute("name", p.name())
                    .attribute("value", p.value().lexical())
                    .closeEmptyElement();
        }
        for (NodeMessage m : node.messages()) {
            writeMessage(xml, m);
        }
    }

    /**
     * Writes a {@code message} element.
     *
     * @param xml the builder
     * @param m   the message
     */
    public static void writeMessage(XmlStringBuilder xml, NodeMessage m) {
        xml.halfOpenElement(MESSAGE)
                .attribute("timestamp", m.timestamp().lexical())
                .attribute("type", m.type())
                .optAttribute("eventId", m.eventId())
                .rightAngleBracket()
                .escape(m.text())
                .closeElement(MESSAGE);
    }

    /**
     * Writes a complete element carrying a NodeInformation.
     *
     * @param xml     the builder
     * @param element the element name (for example {@code node})
     * @param node    the node
     */
    public static void writeNode(XmlStringBuilder xml, String element, NodeInformation node) {
        xml.halfOpenElement(element);
        writeAttributes(xml, node);
        if (node.parameters().isEmpty() && node.messages().isEmpty()) {
            xml.closeEmptyElement();
            return;
        }
        xml.rightAngleBracket();
        writeChildren(xml, node);
        xml.closeElement(element);
    }

    private static void optBoolean(XmlStringBuilder xml, String name, Boolean value) {
        if (value != null) {
            xml.attribute(name, value.booleanValue());
        }
    }
}
