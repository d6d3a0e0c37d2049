package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.concentrator.internal.NodeXml;
import io.github.xmppiot.core.NodeRef;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * A data-source event sent to subscribers in a {@code message} (XEP-0326 §3.4 "Subscribe to data source events";
 * CHECKLIST 326-7): {@code nodeAdded} and {@code nodeUpdated} carry NodeInformation plus {@code sourceId};
 * {@code nodeStatusChanged} carries the node reference, {@code state} and messages; {@code nodeRemoved},
 * {@code nodeMovedUp} and {@code nodeMovedDown} carry the node reference only. A message may hold several events.
 *
 * @param kind               the event element
 * @param sourceId           the data source
 * @param node               the node; for reference-only events only nodeId and cacheType are used (and, for
 *                           {@code nodeStatusChanged}, state and messages)
 * @param afterNodeId        {@code nodeAdded}: the sibling the node follows in ordered children, may be null
 * @param afterNodeCacheType {@code nodeAdded}: that sibling's cache type, may be null
 * @param oldId              {@code nodeUpdated}: the node's previous id when it was renamed, may be null
 * @since 0.1.0
 */
public record NodeEvent(
        Kind kind, String sourceId, NodeInformation node, String afterNodeId, String afterNodeCacheType, String oldId)
        implements ExtensionElement {

    /** The XEP-0326 namespace. */
    public static final String NAMESPACE = ConcentratorRequest.NAMESPACE;

    /**
     * Validates the event.
     *
     * @throws NullPointerException if kind, sourceId or node is missing
     */
    public NodeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(node, "node");
    }

    /**
     * An event that carries only the node reference ({@code nodeRemoved}, {@code nodeMovedUp}, {@code nodeMovedDown}).
     *
     * @param kind the event
     * @param ref  the node reference (its sourceId is required)
     * @return the event
     */
    public static NodeEvent ofRef(Kind kind, NodeRef ref) {
        return new NodeEvent(
                kind,
                Objects.requireNonNull(ref.sourceId(), "sourceId"),
                NodeInformation.builder(ref.nodeId()).cacheType(ref.cacheType()).build(),
                null,
                null,
                null);
    }

    /** @return the node reference the event concerns */
    public NodeRef ref() {
        return NodeRef.of(node.nodeId(), sourceId, node.cacheType());
    }

    /** @return the node messages of a {@code nodeStatusChanged} (empty otherwise) */
    public List<NodeMessage> messages() {
        return node.messages();
    }

    @Override
    public String getElementName() {
        return kind.element();
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        if (kind.carriesInformation()) {
            NodeXml.writeAttributes(xml, node);
            xml.attribute("sourceId", sourceId);
            xml.optAttribute("afterNodeId", afterNodeId);
            xml.optAttribute("afterNodeCacheType", afterNodeCacheType);
            xml.optAttribute("oldId", oldId);
            if (node.parameters().isEmpty() && node.messages().isEmpty()) {
                return xml.closeEmptyElement();
            }
            xml.rightAngleBracket();
            NodeXml.writeChildren(xml, node);
            return xml.closeElement(this);
        }
        xml.attribute("sourceId", sourceId)
                .attribute("nodeId", node.nodeId())
                .optAttribute("cacheType", node.cacheType());
        if (kind == Kind.NODE_STATUS_CHANGED) {
            xml.attribute("state", node.state().xmlValue());
            if (!node.messages().isEmpty()) {
                xml.rightAngleBracket();
                node.messages().forEach(m -> NodeXml.writeMessage(xml, m));
                return xml.closeElement(this);
            }
        }
        return xml.closeEmptyElement();
    }

    /** The event elements of XEP-0326 §3.4, with the subscription flag of the same name. */
    public enum Kind {
        /** A node was added. */
        NODE_ADDED("nodeAdded"),
        /** A node was updated (possibly renamed, see {@code oldId}). */
        NODE_UPDATED("nodeUpdated"),
        /** Only the state of a node changed. */
        NODE_STATUS_CHANGED("nodeStatusChanged"),
        /** A node was removed. */
        NODE_REMOVED("nodeRemoved"),
        /** A node moved up among its siblings. */
        NODE_MOVED_UP("nodeMovedUp"),
        /** A node moved down among its siblings. */
        NODE_MOVED_DOWN("nodeMovedDown");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        /** @return the element name, also the {@code subscribe} attribute that selects it */
        public String element() {
            return element;
        }

        /** @return whether the event carries full NodeInformation */
        public boolean carriesInformation() {
            return this == NODE_ADDED || this == NODE_UPDATED;
        }

        /**
         * Looks a kind up by element name.
         *
         * @param element the element name
         * @return the kind, or null if none
         */
        public static Kind fromElement(String element) {
            for (Kind k : values()) {
                if (k.element.equals(element)) {
                    return k;
                }
            }
            return null;
        }
    }
}
