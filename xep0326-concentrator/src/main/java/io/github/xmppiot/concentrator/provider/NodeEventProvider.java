package io.github.xmppiot.concentrator.provider;

import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeState;
import io.github.xmppiot.concentrator.internal.NodeXml;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads the data-source events of XEP-0326 §3.4 ({@code nodeAdded}, {@code nodeUpdated}, {@code nodeStatusChanged},
 * {@code nodeRemoved}, {@code nodeMovedUp}, {@code nodeMovedDown}) into {@link NodeEvent}s. A malformed event does not
 * break the message: it is returned as an empty {@link StandardExtensionElement}, which listeners ignore.
 *
 * @since 0.1.0
 */
public final class NodeEventProvider extends ExtensionElementProvider<ExtensionElement> {

    private final NodeEvent.Kind kind;

    /**
     * Creates the provider of one event element.
     *
     * @param kind the event
     */
    public NodeEventProvider(NodeEvent.Kind kind) {
        this.kind = kind;
    }

    @Override
    public ExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        try {
            return body(parser, initialDepth);
        } catch (IotParseException | IllegalArgumentException e) {
            IotXml.skipToEndOf(parser, initialDepth);
            return StandardExtensionElement.builder(kind.element(), NodeEvent.NAMESPACE)
                    .build();
        }
    }

    private NodeEvent body(XmlPullParser parser, int depth)
            throws IotParseException, XmlPullParserException, IOException {
        String sourceId = IotXml.requiredAttribute(parser, "sourceId");
        NodeInformation.Builder node;
        if (kind.carriesInformation()) {
            node = NodeXml.readAttributes(parser);
        } else {
            node = NodeInformation.builder(IotXml.requiredAttribute(parser, "nodeId"))
                    .cacheType(IotXml.attribute(parser, "cacheType"));
            if (kind == NodeEvent.Kind.NODE_STATUS_CHANGED) {
                node.state(NodeState.fromXml(IotXml.requiredAttribute(parser, "state")));
            }
        }
        String after = IotXml.attribute(parser, "afterNodeId");
        String afterCache = IotXml.attribute(parser, "afterNodeCacheType");
        String oldId = IotXml.attribute(parser, "oldId");
        NodeXml.readChildren(parser, depth, node);
        return new NodeEvent(kind, sourceId, node.build(), after, afterCache, oldId);
    }
}
