package io.github.xmppiot.control.internal;

import io.github.xmppiot.control.ParameterDescription;
import io.github.xmppiot.control.element.ParameterGroup;
import io.github.xmppiot.core.element.DynamicFormFlag;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.FormFieldWithOptions;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatalayout.packet.DataLayout;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;

/**
 * Turns a control form (XEP-0325 §3.3) into typed parameter descriptions: XEP-0122 datatype to value type, range,
 * options, XEP-0325 {@code parameterGroup}, XEP-0141 page, current value. Hidden and fixed fields are not parameters.
 */
public final class FormReader {

    private FormReader() {}

    /**
     * Describes every parameter of a form, in form order.
     *
     * @param form the control form
     * @return the descriptions
     */
    public static List<ParameterDescription> describe(DataForm form) {
        Map<String, String> pages = pages(form);
        List<ParameterDescription> out = new ArrayList<>();
        for (FormField f : form.getFields()) {
            if (f.getFieldName() == null
                    || f.getType() == FormField.Type.hidden
                    || f.getType() == FormField.Type.fixed) {
                continue;
            }
            ValidateElement validate = ValidateElement.from(f);
            ValueType type = type(f, validate);
            Value min = null;
            Value max = null;
            if (validate instanceof ValidateElement.RangeValidateElement range) {
                min = lenient(type, range.getMin());
                max = lenient(type, range.getMax());
            }
            List<String> options = new ArrayList<>();
            if (f instanceof FormFieldWithOptions withOptions) {
                withOptions.getOptions().forEach(o -> options.add(o.getValueString()));
            }
            ParameterGroup group = (ParameterGroup) f.getFormFieldChildElement(ParameterGroup.QNAME);
            out.add(new ParameterDescription(
                    f.getFieldName(),
                    type,
                    f.getLabel(),
                    f.getDescription(),
                    min,
                    max,
                    options,
                    group == null ? null : group.name(),
                    pages.get(f.getFieldName()),
                    lenient(type, f.getFirstValue()),
                    DynamicFormFlag.NOT_SAME.isOn(f)));
        }
        return out;
    }

    /**
     * The value type of a field.
     *
     * @param field    the field
     * @param validate its XEP-0122 validation, may be null
     * @return the type
     */
    public static ValueType type(FormField field, ValidateElement validate) {
        if (validate == null) {
            return field.getType() == FormField.Type.bool ? ValueType.BOOLEAN : ValueType.STRING;
        }
        String datatype = validate.getDatatype();
        switch (datatype) {
            case "xs:boolean":
                return ValueType.BOOLEAN;
            case FormXml.XDC_COLOR:
            case FormXml.XDC_COLOR_ALPHA:
                return ValueType.COLOR;
            case "xs:date":
                return ValueType.DATE;
            case "xs:dateTime":
                return ValueType.DATE_TIME;
            case "xs:double":
            case "xs:float":
            case "xs:decimal":
                return ValueType.DOUBLE;
            case "xs:duration":
                return ValueType.DURATION;
            case "xs:int":
            case "xs:short":
            case "xs:byte":
                return ValueType.INT;
            case "xs:long":
            case "xs:integer":
                return ValueType.LONG;
            case "xs:time":
                return ValueType.TIME;
            default:
                return field.getType() == FormField.Type.bool ? ValueType.BOOLEAN : ValueType.STRING;
        }
    }

    private static Value lenient(ValueType type, String lexical) {
        if (lexical == null) {
            return null;
        }
        try {
            return Values.parse(type, lexical);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> pages(DataForm form) {
        Map<String, String> pages = new HashMap<>();
        for (Element e : form.getExtensionElements()) {
            if (e instanceof DataLayout page) {
                collect(page.getLabel(), page.getPageLayout(), pages);
            }
        }
        return pages;
    }

    private static void collect(
            String label, List<DataLayout.DataFormLayoutElement> layout, Map<String, String> pages) {
        for (DataLayout.DataFormLayoutElement e : layout) {
            if (e instanceof DataLayout.Fieldref ref) {
                pages.putIfAbsent(ref.getVar(), label);
            } else if (e instanceof DataLayout.Section section) {
                collect(label, section.getSectionLayout(), pages);
            }
        }
    }
}
