package io.github.xmppiot.concentrator.element;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;

/**
 * An empty XEP-0336 (Data Forms - Dynamic Forms, {@code urn:xmpp:xdata:dynamic}) marker inside a form field, as
 * XEP-0326 §3.9 uses them in node-parameter forms: {@code xdd:readOnly} (the server never changes such a parameter,
 * CHECKLIST 326-10), {@code xdd:notSame} (values differ between the nodes of a common form, CHECKLIST 326-11) and
 * {@code xdd:postBack} (the field is validated when changed).
 *
 * @since 0.1.0
 */
public enum DynamicFormFlag implements FormFieldChildElement {
    /** {@code xdd:readOnly}. */
    READ_ONLY("readOnly"),
    /** {@code xdd:notSame}. */
    NOT_SAME("notSame"),
    /** {@code xdd:postBack}. */
    POST_BACK("postBack");

    /** The XEP-0336 namespace. */
    public static final String NAMESPACE = "urn:xmpp:xdata:dynamic";
    /** The name of the hidden field carrying the form session id (XEP-0336 §3.1). */
    public static final String SESSION_FIELD = "xdd session";

    private final String element;

    DynamicFormFlag(String element) {
        this.element = element;
    }

    /** @return the qualified element name */
    public QName qname() {
        return new QName(NAMESPACE, element);
    }

    @Override
    public String getElementName() {
        return element;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).closeEmptyElement();
    }
}
