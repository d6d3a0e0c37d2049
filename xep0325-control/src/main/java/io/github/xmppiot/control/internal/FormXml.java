package io.github.xmppiot.control.internal;

import java.util.List;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.FormFieldChildElement;
import org.jivesoftware.smackx.xdata.FormFieldWithOptions;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;

/**
 * Writes XEP-0004 forms strictly: top level {@code title, instructions}, then extension elements (XEP-0141 pages), then
 * fields; inside a field {@code desc, required, value*, option*} as in the XEP-0004 schema, then the other children
 * (XEP-0122 {@code validate}, XEP-0336 {@code notSame}, XEP-0325 {@code parameterGroup}) in their order. The field
 * {@code type} is always written. Smack's own serialiser puts values before {@code desc}, omits {@code type} in
 * submissions and puts pages after fields.
 */
public final class FormXml {

    /** Namespace of the XEP-0331 colour datatypes, bound to the prefix {@code xdc}. */
    public static final String XDC_NAMESPACE = "urn:xmpp:xdata:color";
    /** XEP-0331 datatype of an RRGGBB colour. */
    public static final String XDC_COLOR = "xdc:Color";
    /** XEP-0331 datatype of an RRGGBBAA colour. */
    public static final String XDC_COLOR_ALPHA = "xdc:ColorAlpha";

    private FormXml() {}

    /**
     * Writes a whole {@code <x xmlns='jabber:x:data'>} element.
     *
     * @param xml  the builder, inside an open element
     * @param form the form
     */
    public static void writeForm(XmlStringBuilder xml, DataForm form) {
        xml.halfOpenElement(DataForm.ELEMENT).xmlnsAttribute(DataForm.NAMESPACE);
        writeFormAttributes(xml, form);
        xml.rightAngleBracket();
        writeFormContent(xml, form);
        xml.closeElement(DataForm.ELEMENT);
    }

    /**
     * Writes the attributes of the form element: its type, and the {@code xdc} prefix if a colour datatype is used.
     *
     * @param xml  the builder, on the form's open start tag
     * @param form the form
     */
    public static void writeFormAttributes(XmlStringBuilder xml, DataForm form) {
        xml.attribute("type", form.getType().toString());
        if (usesColorDatatype(form)) {
            xml.attribute("xmlns:xdc", XDC_NAMESPACE);
        }
    }

    /**
     * Writes the content of a form element (everything between its tags).
     *
     * @param xml  the builder, after the form's start tag
     * @param form the form
     */
    public static void writeFormContent(XmlStringBuilder xml, DataForm form) {
        xml.optElement("title", form.getTitle());
        for (String instruction : form.getInstructions()) {
            xml.element("instructions", instruction);
        }
        for (Element e : form.getExtensionElements()) {
            xml.append(e.toXML(xml.getXmlEnvironment()));
        }
        for (FormField f : form.getFields()) {
            writeField(xml, f);
        }
    }

    private static void writeField(XmlStringBuilder xml, FormField f) {
        xml.halfOpenElement(FormField.ELEMENT);
        xml.optAttribute("label", f.getLabel());
        xml.optAttribute("var", f.getFieldName());
        xml.attribute("type", f.getType().toString());
        List<CharSequence> values = f.getRawValueCharSequences();
        List<FormField.Option> options =
                f instanceof FormFieldWithOptions withOptions ? withOptions.getOptions() : List.of();
        List<FormFieldChildElement> children = f.getFormFieldChildElements();
        if (values.isEmpty() && options.isEmpty() && children.isEmpty()) {
            xml.closeEmptyElement();
            return;
        }
        xml.rightAngleBracket();
        xml.optElement("desc", f.getDescription());
        if (f.isRequired()) {
            xml.emptyElement("required");
        }
        for (CharSequence v : values) {
            xml.append("<value>").append(XmlEscaping.text(v)).append("</value>");
        }
        for (FormField.Option o : options) {
            xml.halfOpenElement("option").optAttribute("label", o.getLabel()).rightAngleBracket();
            xml.element("value", o.getValueString());
            xml.closeElement("option");
        }
        for (FormFieldChildElement c : children) {
            if (c instanceof FormField.Description || c instanceof FormField.Required) {
                continue;
            }
            xml.append(c.toXML(xml.getXmlEnvironment()));
        }
        xml.closeElement(FormField.ELEMENT);
    }

    private static boolean usesColorDatatype(DataForm form) {
        for (FormField f : form.getFields()) {
            ValidateElement v = ValidateElement.from(f);
            if (v != null && v.getDatatype().startsWith("xdc:")) {
                return true;
            }
        }
        return false;
    }
}
