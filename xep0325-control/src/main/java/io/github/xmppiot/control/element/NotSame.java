package io.github.xmppiot.control.element;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;

/**
 * The XEP-0336 {@code notSame} flag ({@code urn:xmpp:xdata:dynamic}, §3.4 "Publishing fields with undefined values"): the
 * field's value may not be the same everywhere, so the field must be omitted from a submission unless edited. XEP-0325
 * §3.3 requires it on every control parameter of a control form, so that submitting an untouched form changes nothing.
 *
 * @since 0.1.0
 */
public final class NotSame implements FormFieldChildElement {

    /** Element name. */
    public static final String ELEMENT = "notSame";
    /** The XEP-0336 namespace. */
    public static final String NAMESPACE = "urn:xmpp:xdata:dynamic";
    /** Qualified name, as keyed by Smack's form-field child providers. */
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    /** The flag (it has no content). */
    public static final NotSame INSTANCE = new NotSame();

    private NotSame() {}

    @Override
    public boolean mustBeOnlyOfHisKind() {
        return true;
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
    public QName getQName() {
        return QNAME;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        xml.closeEmptyElement();
        return xml;
    }
}
