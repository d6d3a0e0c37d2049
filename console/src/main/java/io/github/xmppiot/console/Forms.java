package io.github.xmppiot.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;

/**
 * Data forms (XEP-0004 with XEP-0122 validation) as the field lists the pages render, and the page's values back as
 * a submission. Hidden fields (such as an XEP-0336 session) are returned unchanged; fixed fields are text only.
 */
final class Forms {

    /** Most fields rendered from one form. */
    static final int MAX_FIELDS = 100;

    private Forms() {}

    /**
     * The fields of a form for a page.
     *
     * @param form the form
     * @return per field: name, kind, label, required, value, options, datatype, min, max (hidden fields left out;
     *         fixed fields, text only, have an empty name)
     */
    static List<Map<String, Object>> fields(DataForm form) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FormField f : form.getFields()) {
            if (list.size() == MAX_FIELDS) {
                break;
            }
            boolean fixed = f.getType() == FormField.Type.fixed;
            if (f.getType() == FormField.Type.hidden || f.getFieldName() == null && !fixed) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.getFieldName() == null ? "" : f.getFieldName());
            m.put("kind", f.getType() == null ? "text-single" : f.getType().toString());
            m.put("label", f.getLabel() == null ? m.get("name") : f.getLabel());
            m.put("required", f.isRequired());
            m.put("value", f.getFirstValue() == null ? "" : f.getFirstValue());
            m.put(
                    "options",
                    f instanceof ListSingleFormField l
                            ? l.getOptions().stream()
                                    .map(FormField.Option::getValueString)
                                    .toList()
                            : List.of());
            ValidateElement v = ValidateElement.from(f);
            m.put("datatype", v == null || v.getDatatype() == null ? "" : v.getDatatype());
            if (v instanceof ValidateElement.RangeValidateElement r) {
                m.put("min", r.getMin());
                m.put("max", r.getMax());
            }
            list.add(m);
        }
        return list;
    }

    /**
     * Fills a form with the page's values: each field gets the given value, else the value the form proposed.
     *
     * @param form   the form from the device
     * @param values the page's values by field name
     * @return the submission
     * @throws ConsoleException 422 if a value names no field of the form
     */
    static DataForm fill(DataForm form, Map<String, String> values) {
        List<String> known = form.getFields().stream()
                .map(FormField::getFieldName)
                .filter(n -> n != null)
                .collect(Collectors.toList());
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new ConsoleException(422, "no parameter '" + name + "' in this form", name);
            }
        }
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        for (FormField f : form.getFields()) {
            String name = f.getFieldName();
            if (name == null || f.getType() == FormField.Type.fixed) {
                continue;
            }
            if (f.getType() == FormField.Type.hidden) {
                b.addField(f);
                continue;
            }
            String value = values.getOrDefault(name, f.getFirstValue());
            if (f.isRequired() && (value == null || value.isBlank())) {
                throw new ConsoleException(422, "required", name);
            }
            if (value != null) {
                b.addField(FormField.textSingleBuilder(name).setValue(value).build());
            }
        }
        return b.build();
    }
}
