package io.github.xmppiot.control.internal;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.TypedParameter;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * One value a {@code set} asks to write: from a typed parameter element (its type is the element's) or from a field of
 * a submitted control form (typed by the parameter's declaration, XEP-0325 §3.3).
 *
 * @param name        the parameter name
 * @param elementType the type of the typed element; null for a form field
 * @param values      the lexical value(s): one for a typed element (null if the attribute was absent), the field's
 *                    values for a form field
 */
public record Assignment(String name, ValueType elementType, List<String> values) {

    /** Hidden field XEP-0336 uses as a session key; not a parameter. */
    public static final String XDD_SESSION = "xdd session";

    /**
     * The assignments of a {@code set}: typed parameters in document order, then the edited fields of the form in form
     * order. Hidden and fixed fields, {@code FORM_TYPE} and the XEP-0336 session variable are not parameters.
     *
     * @param set the request
     * @return the assignments
     */
    public static List<Assignment> of(ControlSet set) {
        List<Assignment> out = new ArrayList<>();
        for (TypedParameter p : set.parameters()) {
            List<String> v = new ArrayList<>(1);
            v.add(p.lexical());
            out.add(new Assignment(p.name(), p.type(), v));
        }
        DataForm form = set.form().orElse(null);
        if (form != null) {
            for (FormField f : form.getFields()) {
                if (f.getType() == FormField.Type.hidden
                        || f.getType() == FormField.Type.fixed
                        || FormField.FORM_TYPE.equals(f.getFieldName())
                        || XDD_SESSION.equals(f.getFieldName())) {
                    continue;
                }
                out.add(new Assignment(f.getFieldName(), null, f.getValuesAsString()));
            }
        }
        return out;
    }

    /**
     * Reads the value for a declared parameter.
     *
     * @param parameter the declaration
     * @return the value
     * @throws IllegalArgumentException with a message for a {@code paramError} if the value cannot be read
     */
    public Value valueFor(ControlParameter parameter) {
        if (elementType != null) {
            return Values.parse(elementType, values.get(0));
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("exactly one value expected, got " + values.size());
        }
        if (values.isEmpty()) {
            if (parameter.type() == ValueType.STRING) {
                return Values.parse(ValueType.STRING, "");
            }
            throw new IllegalArgumentException("missing " + parameter.type().elementName() + " value");
        }
        return Values.parse(parameter.type(), values.get(0));
    }
}
