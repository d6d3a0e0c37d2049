package io.github.xmppiot.control.internal;

import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.xdata.AbstractSingleStringValueFormField;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Reads a submitted control form ({@code <x type='submit'>} inside XEP-0325 {@code set}, §3.3) into Smack's XEP-0004
 * model without ever failing on a field value. Smack's {@code DataFormProvider} throws on, for example, a boolean field
 * whose value is not an xs:boolean, which would lose the field name; here such a field is kept as a text field with its
 * raw value, so the Thing can answer with a {@code paramError} naming it. Field children other than {@code value} are
 * skipped (a submission carries values only).
 */
public final class SubmissionReader {

    private SubmissionReader() {}

    /**
     * Reads the form.
     *
     * @param parser positioned on the {@code x} start tag; left on its end tag
     * @return the form (type {@code submit} if the attribute is absent)
     * @throws IotParseException      if the form type is unknown, a field has no {@code var} or a {@code var} repeats
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static DataForm read(XmlPullParser parser) throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        DataForm.Type type = formType(IotXml.attribute(parser, "type"));
        DataForm.Builder form = DataForm.builder(type);
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if (FormField.ELEMENT.equals(parser.getName()) && DataForm.NAMESPACE.equals(parser.getNamespace())) {
                FormField field = readField(parser);
                try {
                    form.addField(field);
                } catch (IllegalArgumentException e) {
                    throw new IotParseException("form field '" + field.getFieldName() + "' occurs more than once");
                }
            } else {
                IotXml.skipElement(parser);
            }
        }
        return form.build();
    }

    private static DataForm.Type formType(String attribute) throws IotParseException {
        if (attribute == null) {
            return DataForm.Type.submit;
        }
        try {
            return DataForm.Type.fromString(attribute);
        } catch (IllegalArgumentException e) {
            throw new IotParseException("unknown data form type '" + attribute + "'");
        }
    }

    private static FormField readField(XmlPullParser parser)
            throws IotParseException, XmlPullParserException, IOException {
        int depth = parser.getDepth();
        String var = IotXml.attribute(parser, "var");
        String typeAttribute = IotXml.attribute(parser, "type");
        List<String> values = new ArrayList<>();
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                break;
            }
            if (event == XmlPullParser.Event.START_ELEMENT) {
                if ("value".equals(parser.getName()) && parser.getDepth() == depth + 1) {
                    values.add(parser.nextText());
                } else {
                    IotXml.skipElement(parser);
                }
            }
        }
        if (var == null || var.isEmpty()) {
            throw new IotParseException("a submitted form field has no 'var'");
        }
        return build(var, fieldType(typeAttribute), values);
    }

    private static FormField.Type fieldType(String attribute) {
        try {
            return attribute == null ? null : FormField.Type.fromString(attribute);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FormField build(String var, FormField.Type type, List<String> values) {
        if (values.size() > 1
                || type == FormField.Type.text_multi
                || type == FormField.Type.list_multi
                || type == FormField.Type.jid_multi) {
            return FormField.textMultiBuilder(var).addValues(values).build();
        }
        String value = values.isEmpty() ? null : values.get(0);
        if (type == FormField.Type.bool && (value == null || isXmlBoolean(value))) {
            return value == null
                    ? FormField.booleanBuilder(var).build()
                    : FormField.booleanBuilder(var).setValue(value).build();
        }
        AbstractSingleStringValueFormField.Builder<?, ?> builder;
        if (type == FormField.Type.hidden) {
            builder = FormField.hiddenBuilder(var);
        } else if (type == FormField.Type.list_single) {
            builder = FormField.listSingleBuilder(var);
        } else {
            builder = FormField.textSingleBuilder(var);
        }
        if (value != null) {
            builder.setValue(value);
        }
        return builder.build();
    }

    private static boolean isXmlBoolean(String value) {
        try {
            ParserUtils.parseXmlBoolean(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
