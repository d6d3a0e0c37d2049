package io.github.xmppiot.control.element;

import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * A parameter-specific error message inside an IQ {@code error} (XEP-0325 §5.1 "IQ Error Stanzas"; examples 3, 18, 21,
 * 25): {@code <paramError xmlns='urn:xmpp:iot:control' var='Output'>Invalid parameter type.</paramError>}.
 *
 * @since 0.1.0
 */
public final class ParamError implements ExtensionElement {

    /** Element name. */
    public static final String ELEMENT = "paramError";
    /** The XEP-0325 namespace. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;

    private final String var;
    private final String text;

    /**
     * Creates the element.
     *
     * @param var  the parameter name (form field {@code var})
     * @param text the message
     */
    public ParamError(String var, String text) {
        this.var = Objects.requireNonNull(var, "var");
        this.text = text == null ? "" : text;
    }

    /** @return the parameter name */
    public String var() {
        return var;
    }

    /** @return the message, empty if none */
    public String text() {
        return text;
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
        xml.attribute("var", var);
        xml.rightAngleBracket();
        xml.escape(text);
        xml.closeElement(this);
        return xml;
    }

    @Override
    public String toString() {
        return var + ": " + text;
    }
}
