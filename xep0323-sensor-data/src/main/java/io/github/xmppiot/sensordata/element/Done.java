package io.github.xmppiot.sensordata.element;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <done seqnr='…'/>}, the separate end-of-read-out message (XEP-0323 §3.4 "Read-out all", example 6); the alternative is
 * {@code done='true'} on the last {@link Fields} or {@link Failure}.
 *
 * @param seqnr the sequence number of the read-out
 * @since 0.1.0
 */
public record Done(int seqnr) implements ReadoutMessage {

    /** Element name. */
    public static final String ELEMENT = "done";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;
    /** Qualified name, used by Smack's {@code getExtension(Class)}. */
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

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
        return new XmlStringBuilder(this, enclosing).attribute("seqnr", seqnr).closeEmptyElement();
    }
}
