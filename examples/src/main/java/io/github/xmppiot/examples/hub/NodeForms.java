package io.github.xmppiot.examples.hub;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/** Fills the XEP-0326 new-node form a concentrator sends ({@code getParametersForNewNode}). */
public final class NodeForms {

    /** Form field holding the new node's id. */
    public static final String ID_FIELD = "id";

    private NodeForms() {}

    /**
     * Fills a new-node form: the id field gets {@code nodeId}, other fields the given values or else the value the
     * concentrator proposed; hidden fields (such as the XEP-0336 session) are returned unchanged.
     *
     * @param form   the form from {@code getParametersForNewNode}
     * @param nodeId the new node's id
     * @param values parameter values in lexical form
     * @return the submission
     * @throws IllegalArgumentException if a value names no field of the form, or names the id field
     */
    public static DataForm fill(DataForm form, String nodeId, Map<String, String> values) {
        List<String> known = form.getFields().stream()
                .map(FormField::getFieldName)
                .filter(n -> n != null)
                .filter(n -> !n.equals(ID_FIELD))
                .collect(Collectors.toList());
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("this node type has no parameter '" + name + "'; it has: "
                        + String.join(
                                ", ",
                                known.stream().filter(n -> !n.contains(" ")).toList()));
            }
        }
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        for (FormField f : form.getFields()) {
            String name = f.getFieldName();
            if (name == null || f.getType() == FormField.Type.fixed) {
                continue;
            }
            String value = ID_FIELD.equals(name) ? nodeId : values.getOrDefault(name, f.getFirstValue());
            if (value != null) {
                b.addField(FormField.textSingleBuilder(name).setValue(value).build());
            }
        }
        return b.build();
    }
}
