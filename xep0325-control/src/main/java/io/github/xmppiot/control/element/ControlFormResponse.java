package io.github.xmppiot.control.element;

import io.github.xmppiot.control.internal.FormXml;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * The answer to {@code getForm} (XEP-0325 §3.3 "Getting a control form"): an XEP-0004 form that is the direct child of
 * the {@code iq} (no wrapper element; CHECKLIST §9.3 #5). Smack has no IQ type for a bare {@code x} element, so this
 * class and its provider ({@code ControlFormResponseProvider}, registered for IQ children {@code x}/{@code jabber:x:data}
 * only; message and other extension parsing of data forms is unaffected) give it one.
 *
 * <p>Fields are written in the order of the XEP-0004 schema ({@code desc, required, value, option}, then extension
 * children such as XEP-0122 {@code validate}, XEP-0336 {@code notSame} and XEP-0325 {@code parameterGroup}), and the
 * prefix {@code xdc} of the XEP-0331 colour datatypes is declared on the form when used.
 *
 * @since 0.1.0
 */
public final class ControlFormResponse extends IQ {

    /** Element name of a data form. */
    public static final String ELEMENT = DataForm.ELEMENT;
    /** Namespace of a data form. */
    public static final String NAMESPACE = DataForm.NAMESPACE;

    private final DataForm form;

    /**
     * Creates the response.
     *
     * @param form the control form, usually of type {@code form}
     */
    public ControlFormResponse(DataForm form) {
        super(ELEMENT, NAMESPACE);
        this.form = Objects.requireNonNull(form, "form");
        setType(Type.result);
    }

    /** @return the control form */
    public DataForm form() {
        return form;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        FormXml.writeFormAttributes(xml, form);
        xml.rightAngleBracket();
        FormXml.writeFormContent(xml, form);
        return xml;
    }
}
