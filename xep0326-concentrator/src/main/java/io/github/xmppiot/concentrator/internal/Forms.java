package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeParameterSpec;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.core.element.DynamicFormFlag;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;

/**
 * Builds XEP-0326 parameter forms (XEP-0004 with XEP-0122 validation and XEP-0336 markers) from
 * {@link NodeParameterSpec}s and validates submitted forms into per-field {@link ParameterError}s (XEP-0326 §3.9,
 * §3.11).
 */
public final class Forms {

    /** The form field carrying the node id. */
    public static final String ID_FIELD = "id";

    private Forms() {}

    /**
     * The spec of the node-id field.
     *
     * @return a required string parameter {@code id}
     */
    public static NodeParameterSpec idSpec() {
        return NodeParameterSpec.required(ID_FIELD, "Node ID:", ValueType.STRING)
                .withDescription("ID of the node.");
    }

    /**
     * A form of type {@code form}.
     *
     * @param title    the form title
     * @param specs    the fields, in order
     * @param values   current values by id (absent: the default)
     * @param notSame  ids whose values differ between nodes ({@code xdd:notSame})
     * @param editing  whether read-only parameters are marked {@code xdd:readOnly}
     * @return the form
     */
    public static DataForm form(
            String title,
            List<NodeParameterSpec> specs,
            Map<String, Value> values,
            java.util.Set<String> notSame,
            boolean editing) {
        DataForm.Builder f = DataForm.builder(DataForm.Type.form).setTitle(title);
        f.addField(FormField.hiddenBuilder(DynamicFormFlag.SESSION_FIELD)
                .setValue(UUID.randomUUID().toString())
                .build());
        for (NodeParameterSpec s : specs) {
            f.addField(field(
                    s,
                    values.containsKey(s.id()) ? values.get(s.id()) : s.defaultValue(),
                    notSame.contains(s.id()),
                    editing && s.readOnly()));
        }
        return f.build();
    }

    private static FormField field(NodeParameterSpec s, Value value, boolean notSame, boolean readOnly) {
        FormField.Builder<?, ?> b;
        if (s.type() == ValueType.BOOLEAN) {
            var bb = FormField.booleanBuilder(s.id());
            if (value != null) {
                bb.setValue(((BooleanValue) value).value());
            }
            b = bb;
        } else if (!s.options().isEmpty()) {
            var lb = FormField.listSingleBuilder(s.id());
            for (String o : s.options()) {
                lb.addOption(new FormField.Option(o, o));
            }
            if (value != null) {
                lb.setValue(value.lexical());
            }
            b = lb;
        } else {
            var tb = FormField.textSingleBuilder(s.id());
            if (value != null) {
                tb.setValue(value.lexical());
            }
            b = tb;
            String datatype = "xs:" + s.type().elementName();
            if (s.type() != ValueType.STRING) {
                b.addFormFieldChildElement(
                        s.min() != null || s.max() != null
                                ? new ValidateElement.RangeValidateElement(datatype, lex(s.min()), lex(s.max()))
                                : new ValidateElement.BasicValidateElement(datatype));
            }
        }
        b.setLabel(s.label());
        if (s.description() != null) {
            b.setDescription(s.description());
        }
        if (s.required()) {
            b.setRequired();
        }
        if (readOnly) {
            b.addFormFieldChildElement(DynamicFormFlag.READ_ONLY);
        }
        if (notSame) {
            b.addFormFieldChildElement(DynamicFormFlag.NOT_SAME);
        }
        return b.build();
    }

    private static String lex(Value v) {
        return v == null ? null : v.lexical();
    }

    /**
     * Validates a submitted form against specs. Read-only parameters keep their current value even if sent
     * (CHECKLIST 326-10); with {@code partial}, parameters absent from the form keep their current value.
     *
     * @param specs   the parameters
     * @param form    the submitted form
     * @param current current values (for editing), empty for a new node
     * @param partial whether absent fields keep their current value (common-parameter editing)
     * @return the validated configuration, or the errors
     */
    public static Validated validate(
            List<NodeParameterSpec> specs, DataForm form, Map<String, Value> current, boolean partial) {
        Map<String, Value> out = new LinkedHashMap<>();
        List<ParameterError> errors = new ArrayList<>();
        for (NodeParameterSpec s : specs) {
            FormField f = form.getField(s.id());
            boolean keep = (s.readOnly() && current.containsKey(s.id()))
                    || (f == null && (partial || current.containsKey(s.id())));
            if (keep) {
                if (current.get(s.id()) != null) {
                    out.put(s.id(), current.get(s.id()));
                }
                continue;
            }
            List<String> vals = f == null ? List.of() : f.getValuesAsString();
            if (vals.size() > 1) {
                errors.add(new ParameterError(s.id(), "Only one value is allowed."));
                continue;
            }
            NodeParameterSpec.Result r = s.check(vals.isEmpty() ? null : vals.get(0));
            if (r.error() != null) {
                errors.add(new ParameterError(s.id(), r.error()));
            } else if (r.value() != null) {
                out.put(s.id(), r.value());
            }
        }
        return new Validated(out, errors);
    }

    /**
     * The outcome of {@link #validate}.
     *
     * @param values the configuration
     * @param errors per-field errors; empty when valid
     */
    public record Validated(Map<String, Value> values, List<ParameterError> errors) {
        /** @return whether the form is valid */
        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
