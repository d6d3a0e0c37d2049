package io.github.xmppiot.control.element;

import java.util.Objects;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;

/**
 * The {@code parameterGroup} child of a control-form field (XEP-0325 §5.4 "Grouping control parameters", example 28):
 * parameters sharing a group name must be written together. A field has at most one.
 *
 * @since 0.1.0
 */
public final class ParameterGroup implements FormFieldChildElement {

    /** Element name. */
    public static final String ELEMENT = "parameterGroup";
    /** The XEP-0325 namespace. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;
    /** Qualified name, as keyed by Smack's form-field child providers. */
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String name;

    /**
     * Creates the element.
     *
     * @param name the group name
     */
    public ParameterGroup(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @return the group name */
    public String name() {
        return name;
    }

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
        xml.attribute("name", name);
        xml.closeEmptyElement();
        return xml;
    }
}
