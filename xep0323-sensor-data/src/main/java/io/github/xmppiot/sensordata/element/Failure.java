package io.github.xmppiot.sensordata.element;

import io.github.xmppiot.core.xml.IotXml;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <failure seqnr='…' [done='true']>}, a message reporting read errors (XEP-0323 §3.2 "Read-out failure", example 4); it may be
 * interleaved with {@link Fields} messages and may end the read-out.
 *
 * @param seqnr  the sequence number of the read-out
 * @param done   whether this message ends the read-out
 * @param errors the errors, in document order
 * @since 0.1.0
 */
public record Failure(int seqnr, boolean done, List<FailureError> errors) implements ReadoutMessage {

    /** Element name. */
    public static final String ELEMENT = "failure";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;
    /** Qualified name, used by Smack's {@code getExtension(Class)}. */
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /**
     * Copies the list.
     */
    public Failure {
        errors = List.copyOf(errors);
    }

    /**
     * The same message with another {@code done} flag.
     *
     * @param done the flag
     * @return the copy
     */
    public Failure withDone(boolean done) {
        return new Failure(seqnr, done, errors);
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
        if (errors.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        for (FailureError e : errors) {
            xml.halfOpenElement("error");
            IotXml.writeNodeRef(xml, e.node());
            xml.attribute("timestamp", e.timestamp());
            xml.rightAngleBracket();
            xml.escape(e.text());
            xml.closeElement("error");
        }
        xml.closeElement(this);
        // Smack appends an extension's toXML() to the stanza as a CharSequence and later copies it char by char;
        // with thousands of pieces that copy is quadratic. Flattening once keeps it linear.
        return new XmlStringBuilder().append(xml.toString());
    }
}
