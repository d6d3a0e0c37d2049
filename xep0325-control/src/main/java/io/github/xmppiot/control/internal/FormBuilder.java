package io.github.xmppiot.control.internal;

import io.github.xmppiot.control.element.ParameterGroup;
import io.github.xmppiot.core.element.DynamicFormFlag;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smackx.xdata.BooleanFormField;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatalayout.packet.DataLayout;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;

/**
 * Builds the XEP-0325 control form (§3.3) from parameter declarations: one field per parameter in write order, with
 * the current value, XEP-0122 validation (datatype, range, colour regex with the XEP-0331 datatypes), the XEP-0336
 * {@code notSame} flag, the XEP-0325 {@code parameterGroup}, and XEP-0141 pages for parameters that name one.
 */
public final class FormBuilder {

    private static final Logger LOG = Logger.getLogger(FormBuilder.class.getName());

    private FormBuilder() {}

    /**
     * Builds the form.
     *
     * @param title      the form title
     * @param parameters the parameters, in the order they should be written
     * @return a form of type {@code form}
     */
    public static DataForm build(String title, List<ControlParameter> parameters) {
        DataForm.Builder form = DataForm.builder(DataForm.Type.form).setTitle(title);
        Map<String, DataLayout> pages = new LinkedHashMap<>();
        for (ControlParameter p : parameters) {
            form.addField(field(p));
            p.page()
                    .ifPresent(label -> pages.computeIfAbsent(label, DataLayout::new)
                            .getPageLayout()
                            .add(new DataLayout.Fieldref(p.name())));
        }
        pages.values().forEach(form::addExtensionElement);
        return form.build();
    }

    private static FormField field(ControlParameter p) {
        Optional<Value> current = current(p);
        FormField.Builder<?, ?> field;
        if (p.type() == ValueType.BOOLEAN) {
            BooleanFormField.Builder b = FormField.booleanBuilder(p.name());
            current.ifPresent(v -> b.setValue(((BooleanValue) v).value()));
            field = b;
        } else if (!p.options().isEmpty()) {
            ListSingleFormField.Builder b = FormField.listSingleBuilder(p.name());
            p.options().forEach(o -> b.addOption(new FormField.Option(o)));
            current.ifPresent(v -> b.setValue(v.lexical()));
            field = b;
        } else {
            var b = FormField.textSingleBuilder(p.name());
            current.ifPresent(v -> b.setValue(v.lexical()));
            field = b;
        }
        field.setLabel(p.label());
        p.description().ifPresent(field::setDescription);
        field.addFormFieldChildElement(validation(p, current));
        field.addFormFieldChildElement(DynamicFormFlag.NOT_SAME);
        p.group().ifPresent(g -> field.addFormFieldChildElement(new ParameterGroup(g)));
        return field.build();
    }

    private static Optional<Value> current(ControlParameter p) {
        try {
            return p.currentValue().filter(v -> v.type() == p.type());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "current value of " + p.name() + " unavailable", e);
            return Optional.empty();
        }
    }

    /**
     * The XEP-0122 datatype of a control type.
     *
     * @param type  the type
     * @param alpha for colours: whether the RRGGBBAA form ({@code xdc:ColorAlpha}) is meant
     * @return the datatype
     */
    public static String datatype(ValueType type, boolean alpha) {
        switch (type) {
            case BOOLEAN:
                return "xs:boolean";
            case COLOR:
                return alpha ? FormXml.XDC_COLOR_ALPHA : FormXml.XDC_COLOR;
            case DATE:
                return "xs:date";
            case DATE_TIME:
                return "xs:dateTime";
            case DOUBLE:
                return "xs:double";
            case DURATION:
                return "xs:duration";
            case INT:
                return "xs:int";
            case LONG:
                return "xs:long";
            case TIME:
                return "xs:time";
            default:
                return ValidateElement.DATATYPE_XS_STRING;
        }
    }

    private static ValidateElement validation(ControlParameter p, Optional<Value> current) {
        if (p.type() == ValueType.COLOR) {
            boolean alpha = current.map(v -> ((ColorValue) v).hasAlpha()).orElse(false);
            return new ValidateElement.RegexValidateElement(
                    datatype(ValueType.COLOR, alpha), alpha ? "^[0-9a-fA-F]{8}$" : "^[0-9a-fA-F]{6}$");
        }
        String datatype = datatype(p.type(), false);
        if (p.min().isPresent() || p.max().isPresent()) {
            return new ValidateElement.RangeValidateElement(
                    datatype,
                    p.min().map(Value::lexical).orElse(null),
                    p.max().map(Value::lexical).orElse(null));
        }
        return new ValidateElement.BasicValidateElement(datatype);
    }
}
