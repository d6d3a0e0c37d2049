package io.github.xmppiot.control.element;

import io.github.xmppiot.control.internal.XmlEscaping;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * A typed control parameter inside {@code set} (XEP-0325 §3.2 "Setting control parameters"): one of the elements
 * {@code boolean, color, date, dateTime, double, duration, int, long, string, time} with the attributes {@code name}
 * and {@code value}.
 *
 * <p>The value is kept as received (its lexical form), so that a request carrying a value that is not of its type can
 * still be answered with a {@code paramError} naming the parameter; {@link #value()} parses it. Smack's {@code bool}
 * element is read as {@code boolean}; {@code boolean} is always written.
 *
 * @since 0.1.0
 */
public final class TypedParameter implements ExtensionElement {

    /** The XEP-0325 namespace. */
    public static final String NAMESPACE = ControlSet.NAMESPACE;
    /** Attribute holding the parameter name. */
    public static final String ATTR_NAME = "name";
    /** Attribute holding the value. */
    public static final String ATTR_VALUE = "value";

    private final ValueType type;
    private final String name;
    private final String lexical;

    private TypedParameter(ValueType type, String name, String lexical) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
        this.lexical = lexical;
        if (!type.isControlType()) {
            throw new IllegalArgumentException(type.elementName() + " is not a XEP-0325 control parameter type");
        }
    }

    /**
     * A parameter carrying a typed value.
     *
     * @param name  the parameter name
     * @param value the value; its type names the element
     * @return the element
     * @throws IllegalArgumentException if the value's type is not a control type ({@code numeric}, {@code enum})
     */
    public static TypedParameter of(String name, Value value) {
        Values.xmlText(name, "parameter name");
        return new TypedParameter(value.type(), name, value.lexical());
    }

    /**
     * A parameter as received, with a value that may not be a legal lexical form of its type.
     *
     * @param type    the element's type
     * @param name    the parameter name
     * @param lexical the {@code value} attribute, or null if it was absent
     * @return the element
     */
    public static TypedParameter raw(ValueType type, String name, String lexical) {
        return new TypedParameter(type, name, lexical);
    }

    /** @return the value type named by the element */
    public ValueType type() {
        return type;
    }

    /** @return the parameter name */
    public String name() {
        return name;
    }

    /** @return the {@code value} attribute as received; null if it was absent */
    public String lexical() {
        return lexical;
    }

    /**
     * Parses the value with the strict lexical rules of its type.
     *
     * @return the value
     * @throws IllegalArgumentException if the attribute is absent or not a legal lexical form of the type
     */
    public Value value() {
        return Values.parse(type, lexical);
    }

    @Override
    public String getElementName() {
        return type.elementName();
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        xml.append(" " + ATTR_NAME + "='").append(XmlEscaping.attribute(name)).append("'");
        if (lexical != null) {
            xml.append(" " + ATTR_VALUE + "='")
                    .append(XmlEscaping.attribute(lexical))
                    .append("'");
        }
        xml.closeEmptyElement();
        return xml;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypedParameter p
                && p.type == type
                && p.name.equals(name)
                && Objects.equals(p.lexical, lexical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, lexical);
    }

    @Override
    public String toString() {
        return type.elementName() + " " + name + "=" + lexical;
    }
}
