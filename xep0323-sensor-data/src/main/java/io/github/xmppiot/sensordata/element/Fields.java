package io.github.xmppiot.sensordata.element;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.internal.FieldXml;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <fields seqnr='…' [done='true']>}, a message carrying read-out values grouped by node and timestamp
 * (XEP-0323 §3, examples 3, 6, 7, 8 and 12). A read-out may span several; the last one may carry {@code done='true'}.
 *
 * <p>{@link #problems()} lists field values that were received but could not be read (a value not of its type, a
 * missing attribute); they are reported instead of dropping the whole message, and are not serialised.
 *
 * @param seqnr    the sequence number of the read-out
 * @param done     whether this message ends the read-out
 * @param nodes    the node groups, in document order
 * @param problems descriptions of unreadable field values received (empty when built locally)
 * @since 0.1.0
 */
public record Fields(int seqnr, boolean done, List<NodeFields> nodes, List<String> problems) implements ReadoutMessage {

    /** Element name. */
    public static final String ELEMENT = "fields";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;
    /** Qualified name, used by Smack's {@code getExtension(Class)}. */
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /**
     * Copies the lists.
     */
    public Fields {
        nodes = List.copyOf(nodes);
        problems = List.copyOf(problems);
    }

    /**
     * A message without problems.
     *
     * @param seqnr the sequence number
     * @param done  whether it ends the read-out
     * @param nodes the node groups
     */
    public Fields(int seqnr, boolean done, List<NodeFields> nodes) {
        this(seqnr, done, nodes, List.of());
    }

    /**
     * The same message with another {@code done} flag.
     *
     * @param done the flag
     * @return the copy
     */
    public Fields withDone(boolean done) {
        return new Fields(seqnr, done, nodes, problems);
    }

    /**
     * Number of field values in the message.
     *
     * @return the count
     */
    public int fieldCount() {
        int n = 0;
        for (NodeFields node : nodes) {
            n += node.fieldCount();
        }
        return n;
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
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        xml.attribute("seqnr", seqnr);
        if (done) {
            xml.attribute("done", "true");
        }
        if (nodes.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        for (NodeFields node : nodes) {
            xml.halfOpenElement("node");
            IotXml.writeNodeRef(xml, node.node());
            xml.rightAngleBracket();
            for (TimestampFields ts : node.timestamps()) {
                xml.halfOpenElement("timestamp")
                        .attribute("value", ts.timestamp().lexical())
                        .rightAngleBracket();
                for (Field f : ts.fields()) {
                    FieldXml.write(xml, f);
                }
                xml.closeElement("timestamp");
            }
            xml.closeElement("node");
        }
        xml.closeElement(this);
        // Smack appends an extension's toXML() to the stanza as a CharSequence and later copies it char by char;
        // with thousands of pieces that copy is quadratic. Flattening once keeps it linear.
        return new XmlStringBuilder().append(xml.toString());
    }
}
