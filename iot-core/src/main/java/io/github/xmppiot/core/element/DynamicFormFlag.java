package io.github.xmppiot.core.element;

import java.util.Optional;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;

/**
 * An empty XEP-0336 (Data Forms - Dynamic Forms, {@code urn:xmpp:xdata:dynamic}) flag inside a data-form field: the
 * one element type of the SDK for these flags, shared by every module, so that a form is read the same way whichever
 * modules are on the class path. It is parsed by {@link io.github.xmppiot.core.provider.DynamicFormFlagProvider},
 * registered by {@link io.github.xmppiot.core.provider.CoreProviders#register()}.
 *
 * <ul>
 *   <li>{@link #NOT_SAME} ({@code xdd:notSame}, XEP-0336 §3.4 "Publishing fields with undefined values"): the field's
 *       value is not the same everywhere, so it must be left out of a submission unless edited. XEP-0325 §3.3 puts it
 *       on every control parameter of a control form (submitting an untouched form changes nothing); XEP-0326 §3.9
 *       on the parameters of a common form whose values differ between the nodes.
 *   <li>{@link #READ_ONLY} ({@code xdd:readOnly}, XEP-0336 §3.3): the field cannot be changed (XEP-0326 §3.9).
 *   <li>{@link #POST_BACK} ({@code xdd:postBack}, XEP-0336 §3.1, §3.2): the form is posted back when the field
 *       changes.
 * </ul>
 *
 * <p>A flag is emitted in the spec's form, {@code <notSame xmlns='urn:xmpp:xdata:dynamic'/>}; attributes and
 * children of a received flag are ignored. Test a field with {@link #isOn(FormField)}, which looks the flag up by
 * qualified name.
 *
 * @since 0.1.0
 */
public enum DynamicFormFlag implements FormFieldChildElement {
    /** {@code xdd:readOnly} (XEP-0336 §3.3). */
    READ_ONLY("readOnly"),
    /** {@code xdd:notSame} (XEP-0336 §3.4). */
    NOT_SAME("notSame"),
    /** {@code xdd:postBack} (XEP-0336 §3.1). */
    POST_BACK("postBack");

    /** The XEP-0336 namespace. */
    public static final String NAMESPACE = "urn:xmpp:xdata:dynamic";
    /**
     * The name of the hidden field carrying the form session id (XEP-0336 §3.1 examples, §5.1 "Dynamic Form
     * Sessions").
     */
    public static final String SESSION_FIELD = "xdd session";

    private final String element;
    private final QName qname;

    DynamicFormFlag(String element) {
        this.element = element;
        this.qname = new QName(NAMESPACE, element);
    }

    /**
     * The flag with an element name.
     *
     * @param element the element name, such as {@code notSame}
     * @return the flag, or empty if XEP-0336 defines no flag of that name
     */
    public static Optional<DynamicFormFlag> forElement(String element) {
        for (DynamicFormFlag f : values()) {
            if (f.element.equals(element)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The qualified element name, as keyed by Smack's form-field child providers.
     *
     * @return {@code {urn:xmpp:xdata:dynamic}} and the element name
     */
    public QName qname() {
        return qname;
    }

    /**
     * Whether a field carries this flag.
     *
     * @param field a form field
     * @return true if one of its children has this flag's qualified name
     */
    public boolean isOn(FormField field) {
        return field.getFormFieldChildElement(qname) != null;
    }

    /** A field carries each flag at most once. */
    @Override
    public boolean mustBeOnlyOfHisKind() {
        return true;
    }

    @Override
    public QName getQName() {
        return qname;
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
